import { z } from 'zod';
import { DocRef } from '../shared/docRef.js';
import { defineCommand } from '../shared/command.js';
import { LocalDate } from '../shared/localDate.js';
import * as life from './lifecycleEvents.js';
import * as loans from './loanEvents.js';
import * as sup from './supervisionEvents.js';
import { ClosureReason, Quarter, SupervisorRef } from './values.js';

// Command data is the event's data without what the decider computes (due dates, lateness, who).
export const ReceiveReleaseNotice = defineCommand({
  type: 'ReceiveReleaseNotice',
  label: { vi: 'Tiếp nhận thông báo trả tự do/đặc xá', en: 'Receive a release or amnesty notice' },
  schema: life.ReleaseNoticeReceived.schema.omit({ verifyBy: true, deadlines: true, lateNotice: true }),
});
export const VerifyResidence = defineCommand({
  type: 'VerifyResidence',
  label: { vi: 'Xác định nơi về cư trú', en: 'Verify the residence' },
  schema: life.ResidenceVerified.schema,
});
export const ReportResidenceMismatch = defineCommand({
  type: 'ReportResidenceMismatch',
  label: { vi: 'Báo cáo nơi cư trú không đúng', en: 'Report a residence mismatch' },
  schema: life.ResidenceMismatchReported.schema,
});
export const ReceivePerson = defineCommand({
  type: 'ReceivePerson',
  label: { vi: 'Tiếp nhận người trình diện', en: 'Receive the person reporting in' },
  schema: life.PersonReported.schema.omit({
    late: true,
    fileDueBy: true,
    supervisorDueBy: true,
    deadlines: true,
  }),
});
export const MarkReportingDeadlineMissed = defineCommand({
  type: 'MarkReportingDeadlineMissed',
  label: { vi: 'Ghi nhận quá hạn trình diện', en: 'Mark the reporting deadline missed' },
  schema: z.object({ detectedOn: LocalDate }).strict(),
});
export const EscalateNonReporting = defineCommand({
  type: 'EscalateNonReporting',
  label: { vi: 'Báo cáo người không trình diện', en: 'Escalate a failure to report' },
  schema: life.NonReportingEscalated.schema,
});
export const OpenManagementFile = defineCommand({
  type: 'OpenManagementFile',
  label: { vi: 'Lập hồ sơ quản lý', en: 'Open the management file' },
  schema: life.ManagementFileOpened.schema.omit({ late: true }),
});
export const ProposeSupervisor = defineCommand({
  type: 'ProposeSupervisor',
  label: { vi: 'Đề xuất người được giao quản lý, giám sát, giáo dục, giúp đỡ', en: 'Propose a supervisor' },
  schema: sup.SupervisorAssignmentProposed.schema.omit({ late: true, decisionDueBy: true, deadlines: true }),
});
export const AssignSupervisor = defineCommand({
  type: 'AssignSupervisor',
  label: {
    vi: 'Quyết định phân công người được giao quản lý, giám sát, giáo dục, giúp đỡ',
    en: 'Assign the supervisor',
  },
  schema: sup.SupervisorAssigned.schema.omit({ deadlines: true, signedAs: true }),
});
export const ReplaceSupervisor = defineCommand({
  type: 'ReplaceSupervisor',
  label: {
    vi: 'Thay đổi người được giao quản lý, giám sát, giáo dục, giúp đỡ',
    en: 'Replace the supervisor',
  },
  schema: z
    .object({ supervisor: SupervisorRef, reason: z.string().min(1), decision: DocRef, decidedOn: LocalDate })
    .strict(),
});
export const IssueSupervisionPlan = defineCommand({
  type: 'IssueSupervisionPlan',
  label: { vi: 'Ban hành kế hoạch giúp đỡ', en: 'Issue the supervision plan' },
  schema: sup.SupervisionPlanIssued.schema,
});
export const LogVisit = defineCommand({
  type: 'LogVisit',
  label: { vi: 'Ghi nhận việc gặp gỡ, làm việc', en: 'Log a visit' },
  schema: sup.VisitLogged.schema.omit({ visitorRole: true }),
});
export const SubmitQuarterlyReport = defineCommand({
  type: 'SubmitQuarterlyReport',
  label: { vi: 'Nộp báo cáo quý (HCD-08)', en: 'Submit the quarterly report' },
  schema: z
    .object({
      quarter: Quarter,
      submittedOn: LocalDate,
      narrative: sup.QuarterlySupervisorReportSubmitted.schema.shape.narrative,
    })
    .strict(),
});
export const ClassifyPerson = defineCommand({
  type: 'ClassifyPerson',
  label: { vi: 'Phân loại nhóm', en: 'Classify the person' },
  schema: sup.PersonClassified.schema,
});
export const RecordViolation = defineCommand({
  type: 'RecordViolation',
  label: { vi: 'Ghi nhận vi phạm', en: 'Record a violation' },
  schema: sup.ViolationRecorded.schema,
});
export const RecordDetention = defineCommand({
  type: 'RecordDetention',
  label: { vi: 'Ghi nhận bị tạm giữ, tạm giam', en: 'Record a detention' },
  schema: sup.PersonDetained.schema,
});
export const RecordReturnFromDetention = defineCommand({
  type: 'RecordReturnFromDetention',
  label: { vi: 'Ghi nhận trở về địa phương', en: 'Record a return from detention' },
  schema: sup.PersonReturnedFromDetention.schema,
});
export const RecordReoffenceConviction = defineCommand({
  type: 'RecordReoffenceConviction',
  label: { vi: 'Ghi nhận bị kết án tù vì tội mới', en: 'Record a new prison sentence' },
  schema: sup.ReoffenceConvicted.schema,
});
export const ApplyForLoan = defineCommand({
  type: 'ApplyForLoan',
  label: { vi: 'Ghi nhận đề nghị vay vốn', en: 'Record a loan application' },
  schema: loans.LoanApplied.schema,
});
export const ApproveLoan = defineCommand({
  type: 'ApproveLoan',
  label: { vi: 'Ghi nhận duyệt cho vay', en: 'Record a loan approval' },
  // The rate's record is read from the log, never sent: the body's rate is checked against it.
  schema: loans.LoanApproved.schema.omit({ repayBy: true, deadlines: true, rateInForce: true }),
});
export const RejectLoan = defineCommand({
  type: 'RejectLoan',
  label: { vi: 'Ghi nhận không duyệt cho vay', en: 'Record a loan rejection' },
  schema: loans.LoanRejected.schema,
});
export const DisburseLoan = defineCommand({
  type: 'DisburseLoan',
  label: { vi: 'Ghi nhận giải ngân', en: 'Record a disbursement' },
  schema: loans.LoanDisbursed.schema,
});
export const RecordLoanRepayment = defineCommand({
  type: 'RecordLoanRepayment',
  label: { vi: 'Ghi nhận trả nợ', en: 'Record a repayment' },
  schema: loans.LoanRepaymentRecorded.schema,
});
export const MarkLoanOverdue = defineCommand({
  type: 'MarkLoanOverdue',
  label: { vi: 'Ghi nhận nợ quá hạn', en: 'Mark a loan overdue' },
  // The overdue rate is derived from the approved rate (130%), never typed.
  schema: loans.LoanOverdue.schema.omit({ overdueRatePercentPerYear: true }),
});
export const SettleLoan = defineCommand({
  type: 'SettleLoan',
  label: { vi: 'Ghi nhận tất toán', en: 'Record a settled loan' },
  schema: loans.LoanSettled.schema,
});
export const NotifyResidenceChange = defineCommand({
  type: 'NotifyResidenceChange',
  label: { vi: 'Ghi nhận thay đổi nơi cư trú', en: 'Record a change of residence' },
  schema: life.ResidenceChangeNotified.schema,
});
export const TransferCaseOut = defineCommand({
  type: 'TransferCaseOut',
  label: { vi: 'Chuyển hồ sơ đến xã mới', en: 'Send the case file to the new commune' },
  schema: life.CaseTransferredOut.schema.omit({ continueBy: true, deadlines: true }),
});
export const ReceiveTransferredCase = defineCommand({
  type: 'ReceiveTransferredCase',
  label: { vi: 'Tiếp nhận hồ sơ chuyển đến', en: 'Receive a transferred case' },
  // The origin case (`fromCaseId`) is read from its stream: whether and where it was sent, its
  // commune, source and release date; the body carries only what the receiving police observe.
  schema: life.CaseTransferredIn.schema.omit({
    continueBy: true,
    deadlines: true,
    communeCode: true,
    fromCommune: true,
    source: true,
    releaseDate: true,
  }),
});
export const ProposeClosure = defineCommand({
  type: 'ProposeClosure',
  label: { vi: 'Đề xuất kết thúc quản lý', en: 'Propose closing the case' },
  schema: life.CaseClosureProposed.schema,
});
export const CloseCase = defineCommand({
  type: 'CloseCase',
  label: { vi: 'Quyết định kết thúc quản lý', en: 'Close the case' },
  schema: z.object({ reason: ClosureReason, decision: DocRef, closedOn: LocalDate }).strict(),
});
export const AcceptArrivalFromOtherCommune = defineCommand({
  type: 'AcceptArrivalFromOtherCommune',
  label: {
    vi: 'Tiếp nhận người về không đúng địa chỉ',
    en: 'Accept a person who arrived at this commune instead',
  },
  schema: life.ArrivedAtDifferentCommuneAccepted.schema
    .omit({ fileDueBy: true, supervisorDueBy: true, lawfulResidence: true, deadlines: true })
    .extend({
      /** Whether the person lawfully resides here; only then may the commune take the case (TT10 9(3)). */
      lawfulResidence: z.boolean(),
    }),
});
