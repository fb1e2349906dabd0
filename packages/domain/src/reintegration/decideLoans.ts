import { openDeadline } from '../calendar/deadlineFact.js';
import type { HolidayCalendar } from '../calendar/holidayCalendar.js';
import { eventOf } from '../shared/defineEvent.js';
import type { LocalDate } from '../shared/localDate.js';
import { ensure, refuse } from '../shared/rules.js';
import { authorize } from './authorize.js';
import type { CaseCommand } from './caseCommands.js';
import type { CaseEvent } from './events.js';
import { activeCase } from './guards.js';
import { checkListed, checkNoDebt, type LoadedList } from './loanEligibility.js';
import * as e from './loanEvents.js';
import { checkHousehold } from './loanHousehold.js';
import { LOAN_LIMITS, LOAN_RULES } from './loanRules.js';
import type { ActiveCase, CaseState, LoanState } from './state.js';
import { checkRate, overdueRate } from './loanRate.js';
import type { VbspRatesState } from './vbspRates.js';

type Of<T extends CaseCommand['type']> = Extract<CaseCommand, { type: T }>;

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

/**
 * Records an application that meets QĐ 22's conditions. The Mẫu 01 list it names is read from the
 * log by the handler (`list`); without it (decideCase alone) nothing shows the person listed.
 */
export function applyForLoan(
  command: Of<'ApplyForLoan'>,
  state: CaseState,
  list: LoadedList = null,
): CaseEvent[] {
  const current = activeCase(state);
  authorize(command.meta, e.LoanApplied.emittedBy);
  const { purpose, amountRequested, termMonths, courseMonths, appliedOn, communeConfirmation } = command.data;
  const windowStart = current.certificateDate ?? current.releaseDate;
  ensure(appliedOn <= addYears(windowStart, LOAN_LIMITS.windowYears), LOAN_RULES.window, windowStart);
  checkListed(current, command.data.eligibilityListId, list, communeConfirmation);
  checkHousehold(command.data.household, command.data.viaHousehold, appliedOn);
  // The commune's confirmation vouches for conduct up to its date; the log may show otherwise since.
  const breach = current.lastBreachOn;
  ensure(
    !current.detained && (breach === null || breach < communeConfirmation.date),
    LOAN_RULES.lawAbiding,
    breach ?? 'detained',
  );
  checkNoDebt(current, purpose, command.data.otherProgrammeDebt, command.meta.role);
  checkLimits(purpose, amountRequested, termMonths, courseMonths ?? null);
  return [eventOf(e.LoanApplied, command.data)];
}

/**
 * Records VBSP's approval at the poor-household rate in force on its day, as the rates stream
 * (`vbsp-rates-vn`, read by the handler into `rates`) records it; any other rate is refused.
 */
export function approveLoan(
  command: Of<'ApproveLoan'>,
  state: CaseState,
  calendar: HolidayCalendar,
  rates: VbspRatesState | null = null,
): CaseEvent[] {
  const current = activeCase(state);
  authorize(command.meta, e.LoanApproved.emittedBy);
  const { approvedOn, termMonths, ratePercentPerYear } = command.data;
  const loan = loanOf(current, command.data.loanId, ['APPLIED']);
  checkLimits(loan.purpose, command.data.amount, termMonths, loan.courseMonths);
  const rateInForce = checkRate(rates, ratePercentPerYear, approvedOn);
  // The term runs out on its day, months from the approval; a calendar plays no part (no move off a day off).
  const due = openDeadline('case.loan-repayment', approvedOn, calendar, { months: termMonths });
  return [
    eventOf(e.LoanApproved, {
      ...command.data,
      rateInForce,
      repayBy: due.date,
      deadlines: [due.fact],
    }),
  ];
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
  const loan = loanOf(current, command.data.loanId, ['DISBURSED']);
  // Derived from the approved rate, never typed; a loan carried without a rate records none.
  const rate = loan.ratePercentPerYear;
  const derived = rate === null ? {} : { overdueRatePercentPerYear: overdueRate(rate) };
  return [eventOf(e.LoanOverdue, { ...command.data, ...derived })];
}

export function settleLoan(command: Of<'SettleLoan'>, state: CaseState): CaseEvent[] {
  const current = activeCase(state);
  authorize(command.meta, e.LoanSettled.emittedBy);
  loanOf(current, command.data.loanId, ['DISBURSED', 'OVERDUE']);
  return [eventOf(e.LoanSettled, command.data)];
}
