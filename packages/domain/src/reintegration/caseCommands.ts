import type { CommandOf } from '../shared/command.js';
import * as c from './commands.js';
import { GiveFrontSupervisorOpinion } from './frontOpinionEvents.js';
import { SUPPORT_COMMANDS } from './supportCommands.js';

/** Every command a reintegration case takes. */
export const CASE_COMMANDS = [
  c.ReceiveReleaseNotice,
  c.VerifyResidence,
  c.ReportResidenceMismatch,
  c.ReceivePerson,
  c.AcceptArrivalFromOtherCommune,
  c.MarkReportingDeadlineMissed,
  c.EscalateNonReporting,
  c.OpenManagementFile,
  c.ProposeSupervisor,
  GiveFrontSupervisorOpinion,
  c.AssignSupervisor,
  c.ReplaceSupervisor,
  c.IssueSupervisionPlan,
  c.LogVisit,
  c.SubmitQuarterlyReport,
  c.ClassifyPerson,
  c.RecordViolation,
  c.RecordDetention,
  c.RecordReturnFromDetention,
  c.RecordReoffenceConviction,
  ...SUPPORT_COMMANDS,
  c.ApplyForLoan,
  c.ApproveLoan,
  c.RejectLoan,
  c.DisburseLoan,
  c.RecordLoanRepayment,
  c.MarkLoanOverdue,
  c.SettleLoan,
  c.NotifyResidenceChange,
  c.TransferCaseOut,
  c.ReceiveTransferredCase,
  c.ProposeClosure,
  c.CloseCase,
] as const;

/** A reintegration case command, typed by its `type`. */
export type CaseCommand = CommandOf<(typeof CASE_COMMANDS)[number]>;
