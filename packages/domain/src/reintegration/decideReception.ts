import { addMonths } from '../shared/localDate.js';
import { openDeadline } from '../calendar/deadlineFact.js';
import type { HolidayCalendar } from '../calendar/holidayCalendar.js';
import { eventOf } from '../shared/defineEvent.js';
import { ensure, refuse } from '../shared/rules.js';
import { authorize } from './authorize.js';
import type { CaseCommand } from './caseCommands.js';
import type { CaseEvent } from './events.js';
import * as e from './lifecycleEvents.js';
import { CASE_RULES } from './rules.js';
import { activeCase, expectedCase } from './guards.js';
import type { CaseState } from './state.js';

/** How long before a sentence ends the facility tells the commune (LTHAHS19 46(1)). */
const NOTICE_MONTHS = 2;

type Of<T extends CaseCommand['type']> = Extract<CaseCommand, { type: T }>;

export function receiveReleaseNotice(
  command: Of<'ReceiveReleaseNotice'>,
  state: CaseState,
  calendar: HolidayCalendar,
): CaseEvent[] {
  authorize(command.meta, e.ReleaseNoticeReceived.emittedBy);
  // The certificate's notice opens the case at the destination by itself (LĐX 18(1); TT10 8(1)):
  // the system may record it only for an amnesty of a round, never a release at the end of a sentence.
  if (command.meta.role === 'system')
    ensure(
      command.data.source === 'AMNESTY' && command.data.roundId !== undefined,
      CASE_RULES.noticeBySystemFromCertificate,
    );
  ensure(state.status === 'none', CASE_RULES.caseExists);
  const verify = openDeadline('case.verify-residence', command.data.receivedOn, calendar);
  const { source, releaseDate, receivedOn } = command.data;
  // The facility notifies the commune two months before a sentence ends (LTHAHS19 46(1)).
  const lateNotice = source === 'EXPIRY' && receivedOn > addMonths(releaseDate, -NOTICE_MONTHS);
  return [
    eventOf(e.ReleaseNoticeReceived, {
      ...command.data,
      verifyBy: verify.date,
      deadlines: [verify.fact],
      ...(lateNotice ? { lateNotice } : {}),
    }),
  ];
}

export function verifyResidence(command: Of<'VerifyResidence'>, state: CaseState): CaseEvent[] {
  const current = expectedCase(state);
  authorize(command.meta, e.ResidenceVerified.emittedBy);
  ensure(current.residence.status === 'PENDING', CASE_RULES.residenceAlreadySettled);
  return [eventOf(e.ResidenceVerified, command.data)];
}

export function reportResidenceMismatch(
  command: Of<'ReportResidenceMismatch'>,
  state: CaseState,
): CaseEvent[] {
  const current = expectedCase(state);
  authorize(command.meta, e.ResidenceMismatchReported.emittedBy);
  ensure(current.residence.status === 'PENDING', CASE_RULES.residenceAlreadySettled);
  return [eventOf(e.ResidenceMismatchReported, command.data)];
}

export function receivePerson(
  command: Of<'ReceivePerson'>,
  state: CaseState,
  calendar: HolidayCalendar,
): CaseEvent[] {
  expectedCase(state);
  authorize(command.meta, e.PersonReported.emittedBy);
  const { reportedOn, reportBy } = command.data;
  const file = openDeadline('case.open-file', reportedOn, calendar);
  const supervisor = openDeadline('case.supervisor-proposal', reportedOn, calendar);
  return [
    eventOf(e.PersonReported, {
      ...command.data,
      late: reportBy !== undefined && reportedOn > reportBy,
      fileDueBy: file.date,
      supervisorDueBy: supervisor.date,
      deadlines: [file.fact, supervisor.fact],
    }),
  ];
}

/** Raised by the daily timer (or by police) once the certificate's report-by date has passed. */
export function markReportingDeadlineMissed(
  command: Of<'MarkReportingDeadlineMissed'>,
  state: CaseState,
): CaseEvent[] {
  const current = expectedCase(state);
  authorize(command.meta, e.ReportingDeadlineMissed.emittedBy);
  const due = current.reportBy;
  if (due === null) return refuse(CASE_RULES.deadlineNotPassed, 'no report-by date on the notice');
  if (current.reportingDeadlineMissed || command.data.detectedOn <= due)
    refuse(CASE_RULES.deadlineNotPassed, due);
  return [eventOf(e.ReportingDeadlineMissed, { dueDate: due, detectedOn: command.data.detectedOn })];
}

export function escalateNonReporting(command: Of<'EscalateNonReporting'>, state: CaseState): CaseEvent[] {
  const current = expectedCase(state);
  authorize(command.meta, e.NonReportingEscalated.emittedBy);
  ensure(current.reportingDeadlineMissed, CASE_RULES.deadlineNotPassed);
  return [eventOf(e.NonReportingEscalated, command.data)];
}

export function openManagementFile(command: Of<'OpenManagementFile'>, state: CaseState): CaseEvent[] {
  const current = activeCase(state);
  authorize(command.meta, e.ManagementFileOpened.emittedBy);
  ensure(current.fileOpenedOn === null, CASE_RULES.fileAlreadyOpen);
  const late = current.fileDueBy !== null && command.data.openedOn > current.fileDueBy;
  return [eventOf(e.ManagementFileOpened, { ...command.data, late })];
}

/** A person who reported in here although the certificate named another commune (TT10 9(3)). */
export function acceptArrivalFromOtherCommune(
  command: Of<'AcceptArrivalFromOtherCommune'>,
  state: CaseState,
  calendar: HolidayCalendar,
): CaseEvent[] {
  authorize(command.meta, e.ArrivedAtDifferentCommuneAccepted.emittedBy);
  ensure(state.status === 'none', CASE_RULES.caseExists);
  const { lawfulResidence, ...data } = command.data;
  ensure(lawfulResidence, CASE_RULES.notLawfulResidence);
  const file = openDeadline('case.open-file', data.reportedOn, calendar);
  const supervisor = openDeadline('case.supervisor-proposal', data.reportedOn, calendar);
  return [
    eventOf(e.ArrivedAtDifferentCommuneAccepted, {
      ...data,
      lawfulResidence: true,
      fileDueBy: file.date,
      supervisorDueBy: supervisor.date,
      deadlines: [file.fact, supervisor.fact],
    }),
  ];
}
