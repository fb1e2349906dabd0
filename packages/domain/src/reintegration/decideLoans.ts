import { openDeadline } from '../calendar/deadlineFact.js';
import type { HolidayCalendar } from '../calendar/holidayCalendar.js';
import { eventOf } from '../shared/defineEvent.js';
import type { LocalDate } from '../shared/localDate.js';
import { ensure, refuse } from '../shared/rules.js';
import { authorize } from './authorize.js';
import type { CaseCommand } from './caseCommands.js';
import type { CaseEvent } from './events.js';
import { activeCase } from './guards.js';
import * as e from './loanEvents.js';
import { LOAN_LIMITS, LOAN_RULES } from './loanRules.js';
import type { ActiveCase, CaseState, LoanState } from './state.js';

type Of<T extends CaseCommand['type']> = Extract<CaseCommand, { type: T }>;
const OUTSTANDING: readonly LoanState['status'][] = ['APPLIED', 'APPROVED', 'DISBURSED', 'OVERDUE'];

function addYears(date: LocalDate, years: number): LocalDate {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

/** Amount and term within QĐ 22's limits for the purpose (vocational: per month of the course). */
function checkLimits(
  purpose: e.LoanPurpose,
  amount: number,
  termMonths: number,
  courseMonths: number | null,
): void {
  if (purpose === 'BUSINESS') {
    ensure(amount <= LOAN_LIMITS.businessMax, LOAN_RULES.amount, `${amount} > ${LOAN_LIMITS.businessMax}`);
    ensure(termMonths <= LOAN_LIMITS.maxTermMonths, LOAN_RULES.term);
    return;
  }
  if (courseMonths === null) return refuse(LOAN_RULES.courseLength);
  const max = LOAN_LIMITS.vocationalPerMonth * courseMonths;
  ensure(amount <= max, LOAN_RULES.amount, `${amount} > ${max}`);
  // Repayment may last up to twice the course for courses of a year or less, once otherwise.
  const repayment = courseMonths <= 12 ? 2 * courseMonths : courseMonths;
  ensure(termMonths <= Math.min(courseMonths + repayment, LOAN_LIMITS.maxTermMonths), LOAN_RULES.term);
}

function loanOf(current: ActiveCase, loanId: string, allowed: readonly LoanState['status'][]): LoanState {
  const loan = current.loans[loanId];
  if (!loan) return refuse(LOAN_RULES.unknown, loanId);
  ensure(allowed.includes(loan.status), LOAN_RULES.status, loan.status);
  return loan;
}

export function applyForLoan(command: Of<'ApplyForLoan'>, state: CaseState): CaseEvent[] {
  const current = activeCase(state);
  authorize(command.meta, e.LoanApplied.emittedBy);
  const { purpose, amountRequested, termMonths, courseMonths, appliedOn, communeConfirmation } = command.data;
  const windowStart = current.certificateDate ?? current.releaseDate;
  ensure(appliedOn <= addYears(windowStart, LOAN_LIMITS.windowYears), LOAN_RULES.window, windowStart);
  ensure(communeConfirmation.form === 'Mẫu 01', LOAN_RULES.confirmation);
  // The commune's confirmation vouches for conduct up to its date; the log may show otherwise since.
  const breach = current.lastBreachOn;
  ensure(
    !current.detained && (breach === null || breach < communeConfirmation.date),
    LOAN_RULES.lawAbiding,
    breach ?? 'detained',
  );
  const outstanding = Object.values(current.loans).some(
    (l) => l.purpose === purpose && OUTSTANDING.includes(l.status),
  );
  ensure(!outstanding, LOAN_RULES.samePurpose, purpose);
  checkLimits(purpose, amountRequested, termMonths, courseMonths ?? null);
  return [eventOf(e.LoanApplied, command.data)];
}

export function approveLoan(
  command: Of<'ApproveLoan'>,
  state: CaseState,
  calendar: HolidayCalendar,
): CaseEvent[] {
  const current = activeCase(state);
  authorize(command.meta, e.LoanApproved.emittedBy);
  const { approvedOn, termMonths } = command.data;
  const loan = loanOf(current, command.data.loanId, ['APPLIED']);
  checkLimits(loan.purpose, command.data.amount, termMonths, loan.courseMonths);
  // The term runs out on its day, months from the approval; a calendar plays no part (no move off a day off).
  const due = openDeadline('case.loan-repayment', approvedOn, calendar, { months: termMonths });
  return [eventOf(e.LoanApproved, { ...command.data, repayBy: due.date, deadlines: [due.fact] })];
}

export function rejectLoan(command: Of<'RejectLoan'>, state: CaseState): CaseEvent[] {
  const current = activeCase(state);
  authorize(command.meta, e.LoanRejected.emittedBy);
  loanOf(current, command.data.loanId, ['APPLIED']);
  return [eventOf(e.LoanRejected, command.data)];
}

export function disburseLoan(command: Of<'DisburseLoan'>, state: CaseState): CaseEvent[] {
  const current = activeCase(state);
  authorize(command.meta, e.LoanDisbursed.emittedBy);
  loanOf(current, command.data.loanId, ['APPROVED', 'DISBURSED']);
  return [eventOf(e.LoanDisbursed, command.data)];
}

export function recordLoanRepayment(command: Of<'RecordLoanRepayment'>, state: CaseState): CaseEvent[] {
  const current = activeCase(state);
  authorize(command.meta, e.LoanRepaymentRecorded.emittedBy);
  loanOf(current, command.data.loanId, ['DISBURSED', 'OVERDUE']);
  return [eventOf(e.LoanRepaymentRecorded, command.data)];
}

export function markLoanOverdue(command: Of<'MarkLoanOverdue'>, state: CaseState): CaseEvent[] {
  const current = activeCase(state);
  authorize(command.meta, e.LoanOverdue.emittedBy);
  loanOf(current, command.data.loanId, ['DISBURSED']);
  return [eventOf(e.LoanOverdue, command.data)];
}

export function settleLoan(command: Of<'SettleLoan'>, state: CaseState): CaseEvent[] {
  const current = activeCase(state);
  authorize(command.meta, e.LoanSettled.emittedBy);
  loanOf(current, command.data.loanId, ['DISBURSED', 'OVERDUE']);
  return [eventOf(e.LoanSettled, command.data)];
}
