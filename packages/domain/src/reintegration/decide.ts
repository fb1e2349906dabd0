import { BUILT_IN_CALENDAR } from '../calendar/builtInCalendar.js';
import type { HolidayCalendar } from '../calendar/holidayCalendar.js';
import type { CaseCommand } from './caseCommands.js';
import * as closure from './decideClosure.js';
import * as loans from './decideLoans.js';
import * as reception from './decideReception.js';
import { recordSupport } from './decideSupports.js';
import * as supervision from './decideSupervision.js';
import { giveFrontSupervisorOpinion } from './frontOpinion.js';
import type { CaseEvent } from './events.js';
import type { CaseState } from './state.js';

/**
 * What a command on a reintegration case records, given the case as its events left it. Pure:
 * throws a DomainRefusal naming the rule broken, or returns the events to append.
 */
export function decideCase(
  command: CaseCommand,
  state: CaseState,
  calendar: HolidayCalendar = BUILT_IN_CALENDAR,
): CaseEvent[] {
  switch (command.type) {
    case 'ReceiveReleaseNotice':
      return reception.receiveReleaseNotice(command, state, calendar);
    case 'VerifyResidence':
      return reception.verifyResidence(command, state);
    case 'ReportResidenceMismatch':
      return reception.reportResidenceMismatch(command, state);
    case 'ReceivePerson':
      return reception.receivePerson(command, state, calendar);
    case 'AcceptArrivalFromOtherCommune':
      return reception.acceptArrivalFromOtherCommune(command, state, calendar);
    case 'MarkReportingDeadlineMissed':
      return reception.markReportingDeadlineMissed(command, state);
    case 'EscalateNonReporting':
      return reception.escalateNonReporting(command, state);
    case 'OpenManagementFile':
      return reception.openManagementFile(command, state);
    case 'ProposeSupervisor':
      return supervision.proposeSupervisor(command, state, calendar);
    case 'GiveFrontSupervisorOpinion':
      return giveFrontSupervisorOpinion(command, state);
    case 'AssignSupervisor':
      return supervision.assignSupervisor(command, state, calendar);
    case 'ReplaceSupervisor':
      return supervision.replaceSupervisor(command, state);
    case 'IssueSupervisionPlan':
      return supervision.issueSupervisionPlan(command, state);
    case 'LogVisit':
      return supervision.logVisit(command, state);
    case 'SubmitQuarterlyReport':
      return supervision.submitQuarterlyReport(command, state, calendar);
    case 'ClassifyPerson':
      return supervision.classifyPerson(command, state);
    case 'RecordViolation':
      return supervision.recordViolation(command, state);
    case 'RecordDetention':
      return supervision.recordDetention(command, state);
    case 'RecordReturnFromDetention':
      return supervision.recordReturnFromDetention(command, state);
    case 'RecordReoffenceConviction':
      return supervision.recordReoffenceConviction(command, state);
    case 'ApplyForLoan':
      return loans.applyForLoan(command, state);
    case 'ApproveLoan':
      return loans.approveLoan(command, state, calendar);
    case 'RejectLoan':
      return loans.rejectLoan(command, state);
    case 'DisburseLoan':
      return loans.disburseLoan(command, state);
    case 'RecordLoanRepayment':
      return loans.recordLoanRepayment(command, state);
    case 'MarkLoanOverdue':
      return loans.markLoanOverdue(command, state);
    case 'SettleLoan':
      return loans.settleLoan(command, state);
    case 'NotifyResidenceChange':
      return closure.notifyResidenceChange(command, state);
    case 'TransferCaseOut':
      return closure.transferCaseOut(command, state, calendar);
    case 'ReceiveTransferredCase':
      return closure.receiveTransferredCase(command, state, calendar);
    case 'ProposeClosure':
      return closure.proposeClosure(command, state);
    case 'CloseCase':
      return closure.closeCase(command, state);
    case 'ProvideCounselling':
    case 'RegisterResidence':
    case 'IssueIdentityCard':
    case 'RegisterCivilStatus':
    case 'RecordCriminalRecordCertificate':
    case 'EnrolVocationalTraining':
    case 'CompleteVocationalTraining':
    case 'ReferToJob':
    case 'RecordEmploymentStarted':
    case 'RecordEmploymentEnded':
    case 'RecordLivelihoodSupport':
    case 'GrantSocialAssistance':
    case 'ApplyChildProtectionMeasure':
    case 'LinkAdditionalPenaltySupervision':
    case 'GuideExpungement':
    case 'RecordConvictionExpunged':
      return recordSupport(command, state);
  }
}
