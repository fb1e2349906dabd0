import type { EventOf } from '../shared/defineEvent.js';
import * as lifecycle from './lifecycleEvents.js';
import { LoansCarriedOver } from './loanCarryOver.js';
import * as loans from './loanEvents.js';
import * as front from './frontOpinionEvents.js';
import * as supervision from './supervisionEvents.js';
import { SUPPORT_EVENTS } from './supportEvents.js';

/** Every event a reintegration case's stream holds. */
export const CASE_EVENTS = [
  lifecycle.ReleaseNoticeReceived,
  lifecycle.ResidenceVerified,
  lifecycle.ResidenceMismatchReported,
  lifecycle.PersonReported,
  lifecycle.ArrivedAtDifferentCommuneAccepted,
  lifecycle.ReportingDeadlineMissed,
  lifecycle.NonReportingEscalated,
  lifecycle.ManagementFileOpened,
  supervision.SupervisorAssignmentProposed,
  front.FrontSupervisorOpinionGiven,
  supervision.SupervisorAssigned,
  supervision.SupervisorReplaced,
  supervision.SupervisionPlanIssued,
  supervision.VisitLogged,
  supervision.QuarterlySupervisorReportSubmitted,
  supervision.PersonClassified,
  supervision.ViolationRecorded,
  supervision.PersonDetained,
  supervision.PersonReturnedFromDetention,
  supervision.ReoffenceConvicted,
  ...SUPPORT_EVENTS,
  loans.LoanApplied,
  loans.LoanApproved,
  loans.LoanRejected,
  loans.LoanDisbursed,
  loans.LoanRepaymentRecorded,
  loans.LoanOverdue,
  loans.LoanSettled,
  LoansCarriedOver,
  lifecycle.ResidenceChangeNotified,
  lifecycle.CaseTransferredOut,
  lifecycle.CaseTransferredIn,
  lifecycle.CaseClosureProposed,
  lifecycle.CaseClosed,
] as const;

/** A reintegration case event, typed by its `type`. */
export type CaseEvent = EventOf<(typeof CASE_EVENTS)[number]>;
