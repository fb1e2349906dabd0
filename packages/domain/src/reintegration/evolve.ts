import type { LocalDate } from '../shared/localDate.js';
import type { CaseEvent } from './events.js';
import type { CaseFacts, CaseState, LoanState } from './state.js';
import { frontOpinionOf } from './frontOpinion.js';

type Facts = Exclude<CaseState, { status: 'none' }>;

function newCase(data: {
  caseId: string;
  person: { personId: string };
  communeCode: string;
  source: 'EXPIRY' | 'AMNESTY';
  releaseDate: string;
  reportBy?: string | undefined;
}): CaseFacts {
  return {
    caseId: data.caseId,
    personId: data.person.personId,
    communeCode: data.communeCode,
    source: data.source,
    releaseDate: data.releaseDate,
    residence: { status: 'PENDING', address: null, verifyBy: null },
    reportBy: data.reportBy ?? null,
    reportingDeadlineMissed: false,
    certificateDate: null,
    fileDueBy: null,
    fileOpenedOn: null,
    proposedSupervisor: null,
    frontOpinion: null,
    group: null,
    detained: false,
    lastBreachOn: null,
    quartersReported: [],
    loans: {},
    reoffenceConvicted: false,
    expunged: false,
    movingTo: null,
    closureProposal: null,
  };
}

const latest = (a: LocalDate | null, b: LocalDate): LocalDate => (a !== null && a > b ? a : b);

function withLoan(state: Facts, loanId: string, change: Partial<LoanState>): CaseState {
  const loan = state.loans[loanId];
  if (!loan) return state;
  return { ...state, loans: { ...state.loans, [loanId]: { ...loan, ...change } } };
}

function carried(loans: Extract<CaseEvent, { type: 'LoansCarriedOver' }>['data']['loans']) {
  return Object.fromEntries(
    loans.map((l): [string, LoanState] => [
      l.loanId,
      {
        purpose: l.purpose,
        status: l.status,
        courseMonths: l.courseMonths ?? null,
        ratePercentPerYear: l.ratePercentPerYear ?? null,
      },
    ]),
  );
}

/** Folds one event into a case's state. Pure; unknown or out-of-order events leave it unchanged. */
export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'ReleaseNoticeReceived') {
    const facts = newCase(event.data);
    return { status: 'expected', ...facts, residence: { ...facts.residence, verifyBy: event.data.verifyBy } };
  }
  if (event.type === 'ArrivedAtDifferentCommuneAccepted') {
    const { reportedOn, supervisorDueBy, fileDueBy, certificate } = event.data;
    const facts = { ...newCase(event.data), fileDueBy, certificateDate: certificate.date };
    return { status: 'received', ...facts, reportedOn, supervisorDueBy };
  }
  if (event.type === 'CaseTransferredIn') {
    const facts = { ...newCase(event.data), fileDueBy: event.data.continueBy };
    return {
      status: 'received',
      ...facts,
      reportedOn: event.data.receivedOn,
      supervisorDueBy: event.data.continueBy,
    };
  }
  if (state.status === 'none') return state;
  return evolveExisting(state, event);
}

function evolveExisting(state: Facts, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'ResidenceVerified':
      return { ...state, residence: { ...state.residence, status: 'VERIFIED', address: event.data.address } };
    case 'ResidenceMismatchReported':
      return { ...state, residence: { ...state.residence, status: 'MISMATCH' } };
    case 'PersonReported':
      return {
        ...state,
        status: 'received',
        reportedOn: event.data.reportedOn,
        supervisorDueBy: event.data.supervisorDueBy,
        fileDueBy: event.data.fileDueBy,
        certificateDate: event.data.certificate.date,
      };
    case 'ReportingDeadlineMissed':
      return { ...state, reportingDeadlineMissed: true };
    case 'ManagementFileOpened':
      return { ...state, fileOpenedOn: event.data.openedOn };
    case 'SupervisorAssignmentProposed':
      return { ...state, proposedSupervisor: event.data.supervisor, frontOpinion: null };
    case 'FrontSupervisorOpinionGiven':
      return { ...state, frontOpinion: frontOpinionOf(event) };
    case 'SupervisorAssigned':
    case 'SupervisorReplaced':
      return state.status === 'received' || state.status === 'supervised'
        ? {
            ...state,
            status: 'supervised',
            supervisor: event.data.supervisor,
            proposedSupervisor: null,
            frontOpinion: null,
          }
        : state;
    case 'QuarterlySupervisorReportSubmitted':
      return { ...state, quartersReported: [...state.quartersReported, event.data.quarter] };
    case 'PersonClassified':
      return { ...state, group: event.data.group };
    case 'PersonDetained':
      return {
        ...state,
        detained: true,
        group: 'D',
        lastBreachOn: latest(state.lastBreachOn, event.data.from),
      };
    case 'PersonReturnedFromDetention':
      // Back home, the person is reclassified: group D no longer holds (TT10 12(1)(d)).
      return { ...state, detained: false, group: null };
    case 'ReoffenceConvicted':
      return {
        ...state,
        reoffenceConvicted: true,
        lastBreachOn: latest(state.lastBreachOn, event.data.judgment.date),
      };
    case 'ViolationRecorded':
      // An unmet obligation (reporting, residence) is not a breach of the law itself.
      return event.data.kind === 'OBLIGATION'
        ? state
        : { ...state, lastBreachOn: latest(state.lastBreachOn, event.data.occurredOn) };
    case 'ConvictionExpunged':
      return { ...state, expunged: true };
    case 'LoanApplied':
      return {
        ...state,
        loans: {
          ...state.loans,
          [event.data.loanId]: {
            purpose: event.data.purpose,
            status: 'APPLIED',
            courseMonths: event.data.courseMonths ?? null,
            ratePercentPerYear: null,
          },
        },
      };
    case 'LoansCarriedOver':
      return { ...state, loans: { ...state.loans, ...carried(event.data.loans) } };
    case 'LoanApproved':
      return withLoan(state, event.data.loanId, {
        status: 'APPROVED',
        ratePercentPerYear: event.data.ratePercentPerYear,
      });
    case 'LoanRejected':
      return withLoan(state, event.data.loanId, { status: 'REJECTED' });
    case 'LoanDisbursed':
      return withLoan(state, event.data.loanId, { status: 'DISBURSED' });
    case 'LoanOverdue':
      return withLoan(state, event.data.loanId, { status: 'OVERDUE' });
    case 'LoanSettled':
      return withLoan(state, event.data.loanId, { status: 'SETTLED' });
    case 'ResidenceChangeNotified':
      return { ...state, movingTo: event.data.toCommune };
    case 'CaseTransferredOut':
      return { ...state, status: 'transferredOut', toCommune: event.data.toCommune };
    case 'CaseClosureProposed':
      return { ...state, closureProposal: event.data.reason };
    case 'CaseClosed':
      return { ...state, status: 'closed', reason: event.data.reason, closedOn: event.data.closedOn };
    case 'ReleaseNoticeReceived':
    case 'CaseTransferredIn':
    case 'ArrivedAtDifferentCommuneAccepted':
    case 'NonReportingEscalated':
    case 'SupervisionPlanIssued':
    case 'VisitLogged':
    case 'CounsellingProvided':
    case 'ResidenceRegistered':
    case 'IdentityCardIssued':
    case 'CivilStatusRegistered':
    case 'CriminalRecordCertificateIssued':
    case 'VocationalTrainingEnrolled':
    case 'VocationalTrainingCompleted':
    case 'JobReferralMade':
    case 'EmploymentStarted':
    case 'EmploymentEnded':
    case 'LivelihoodSupportGiven':
    case 'SocialAssistanceGranted':
    case 'ChildProtectionMeasureApplied':
    case 'AdditionalPenaltySupervisionLinked':
    case 'ExpungementGuided':
    case 'LoanRepaymentRecorded':
      // Recorded for the file and the views; they change nothing a later decision depends on.
      return state;
  }
}
