import type { LocalDate } from '../shared/localDate.js';
import type { LoanPurpose } from './loanEvents.js';
import type { FrontOpinion } from './frontOpinionEvents.js';
import type { Address, ClosureReason, Group, SupervisorRef } from './values.js';

/** A loan as the case knows it: enough to apply QĐ 22's one-loan-per-purpose rule and its rates. */
export interface LoanState {
  purpose: LoanPurpose;
  status: 'APPLIED' | 'APPROVED' | 'REJECTED' | 'DISBURSED' | 'OVERDUE' | 'SETTLED';
  courseMonths: number | null;
  /** The approved rate, from which the overdue rate (130%) is derived; null until approved. */
  ratePercentPerYear: number | null;
}

/** What every case that exists knows, whatever its stage. */
export interface CaseFacts {
  caseId: string;
  personId: string;
  communeCode: string;
  source: 'EXPIRY' | 'AMNESTY';
  releaseDate: LocalDate;
  residence: {
    status: 'PENDING' | 'VERIFIED' | 'MISMATCH';
    address: Address | null;
    verifyBy: LocalDate | null;
  };
  reportBy: LocalDate | null;
  reportingDeadlineMissed: boolean;
  /** The certificate date, from which QĐ 22's five-year loan window runs for a pardoned person. */
  certificateDate: LocalDate | null;
  fileDueBy: LocalDate | null;
  fileOpenedOn: LocalDate | null;
  proposedSupervisor: SupervisorRef | null;
  /** The Front's opinion on the pending proposal (TT10 10(1)); a new proposal or a decision clears it. */
  frontOpinion: FrontOpinion | null;
  group: Group | null;
  detained: boolean;
  /** The latest day the log records the person breaking the law: a violation, a detention, a new conviction. */
  lastBreachOn: LocalDate | null;
  quartersReported: readonly string[];
  loans: Readonly<Record<string, LoanState>>;
  reoffenceConvicted: boolean;
  expunged: boolean;
  movingTo: string | null;
  closureProposal: ClosureReason | null;
}

/** A reintegration case, by stage (DOMAIN.md §2c). */
export type CaseState =
  | { status: 'none' }
  | ({ status: 'expected' } & CaseFacts)
  | ({ status: 'received'; reportedOn: LocalDate; supervisorDueBy: LocalDate } & CaseFacts)
  | ({ status: 'supervised'; reportedOn: LocalDate; supervisor: SupervisorRef } & CaseFacts)
  | ({ status: 'transferredOut'; toCommune: string } & CaseFacts)
  | ({ status: 'closed'; reason: ClosureReason; closedOn: LocalDate } & CaseFacts);

/** The state of a stream with no events. */
export const initialCaseState: CaseState = { status: 'none' };

/** Stages in which the person is under the commune's management. */
export type ActiveCase = Extract<CaseState, { status: 'received' | 'supervised' }>;

/** Whether the person has reported in and the case is not closed or sent away. */
export function isActive(state: CaseState): state is ActiveCase {
  return state.status === 'received' || state.status === 'supervised';
}
