import { openDeadline } from '../calendar/deadlineFact.js';
import type { HolidayCalendar } from '../calendar/holidayCalendar.js';
import { eventOf } from '../shared/defineEvent.js';
import { CHAIR_SIGNERS, signedAs } from '../shared/roles.js';
import { ensure, refuse } from '../shared/rules.js';
import { authorize } from './authorize.js';
import type { CaseCommand } from './caseCommands.js';
import type { CaseEvent } from './events.js';
import { activeCase } from './guards.js';
import { dayAfterQuarter, nextReportOwed, quarterlyReportDeadline, reportOwedFor } from './quarters.js';
import { CASE_RULES } from './rules.js';
import type { CaseState } from './state.js';
import * as e from './supervisionEvents.js';
import { ensureFrontAgreed } from './frontOpinion.js';
import type { SupervisorRef } from './values.js';

type Of<T extends CaseCommand['type']> = Extract<CaseCommand, { type: T }>;
const same = (a: SupervisorRef | null, b: SupervisorRef): boolean => a?.kind === b.kind && a.ref === b.ref;

export function proposeSupervisor(
  command: Of<'ProposeSupervisor'>,
  state: CaseState,
  calendar: HolidayCalendar,
): CaseEvent[] {
  const current = activeCase(state);
  authorize(command.meta, e.SupervisorAssignmentProposed.emittedBy);
  ensure(current.status === 'received', CASE_RULES.supervisorAlreadyAssigned);
  const late = command.data.proposedOn > current.supervisorDueBy;
  const decision = openDeadline('case.supervisor-decision', command.data.proposedOn, calendar);
  return [
    eventOf(e.SupervisorAssignmentProposed, {
      ...command.data,
      late,
      decisionDueBy: decision.date,
      deadlines: [decision.fact],
    }),
  ];
}

export function assignSupervisor(
  command: Of<'AssignSupervisor'>,
  state: CaseState,
  calendar: HolidayCalendar,
): CaseEvent[] {
  const current = activeCase(state);
  if (!CHAIR_SIGNERS.includes(command.meta.role))
    refuse(CASE_RULES.onlyChairDecidesSupervisor, command.meta.role);
  authorize(command.meta, e.SupervisorAssigned.emittedBy);
  ensure(current.status === 'received', CASE_RULES.supervisorAlreadyAssigned);
  ensure(same(current.proposedSupervisor, command.data.supervisor), CASE_RULES.noProposal);
  // The Front's agreement to that very candidate comes before the chair's decision (TT10 10(1)).
  ensureFrontAgreed(current.frontOpinion, command.data.supervisor);
  // The supervisor reports on the quarter they are decided in, and every quarter after.
  const deadlines = [reportOwedFor(command.data.decidedOn, calendar)];
  return [
    eventOf(e.SupervisorAssigned, { ...command.data, deadlines, signedAs: signedAs(command.meta.role) }),
  ];
}

export function replaceSupervisor(command: Of<'ReplaceSupervisor'>, state: CaseState): CaseEvent[] {
  const current = activeCase(state);
  if (!CHAIR_SIGNERS.includes(command.meta.role))
    refuse(CASE_RULES.onlyChairDecidesSupervisor, command.meta.role);
  authorize(command.meta, e.SupervisorReplaced.emittedBy);
  if (current.status !== 'supervised') return refuse(CASE_RULES.noSupervisor);
  return [
    eventOf(e.SupervisorReplaced, {
      ...command.data,
      previous: current.supervisor,
      signedAs: signedAs(command.meta.role),
    }),
  ];
}

export function issueSupervisionPlan(command: Of<'IssueSupervisionPlan'>, state: CaseState): CaseEvent[] {
  activeCase(state);
  authorize(command.meta, e.SupervisionPlanIssued.emittedBy);
  return [eventOf(e.SupervisionPlanIssued, command.data)];
}

export function logVisit(command: Of<'LogVisit'>, state: CaseState): CaseEvent[] {
  activeCase(state);
  authorize(command.meta, e.VisitLogged.emittedBy);
  return [eventOf(e.VisitLogged, { ...command.data, visitorRole: command.meta.role })];
}

export function submitQuarterlyReport(
  command: Of<'SubmitQuarterlyReport'>,
  state: CaseState,
  calendar: HolidayCalendar,
): CaseEvent[] {
  const current = activeCase(state);
  if (current.status !== 'supervised') return refuse(CASE_RULES.noSupervisor);
  authorize(command.meta, e.QuarterlySupervisorReportSubmitted.emittedBy);
  const { quarter, submittedOn } = command.data;
  ensure(!current.quartersReported.includes(quarter), CASE_RULES.quarterReported, quarter);
  ensure(submittedOn >= dayAfterQuarter(quarter), CASE_RULES.quarterNotEnded, quarter);
  const due = quarterlyReportDeadline(quarter, calendar);
  return [
    eventOf(e.QuarterlySupervisorReportSubmitted, {
      ...command.data,
      dueBy: due.date,
      late: submittedOn > due.date,
      deadlines: [due.fact, nextReportOwed(quarter, calendar)],
    }),
  ];
}

export function classifyPerson(command: Of<'ClassifyPerson'>, state: CaseState): CaseEvent[] {
  const current = activeCase(state);
  authorize(command.meta, e.PersonClassified.emittedBy);
  ensure((command.data.group === 'D') === current.detained, CASE_RULES.groupD);
  return [eventOf(e.PersonClassified, command.data)];
}

export function recordViolation(command: Of<'RecordViolation'>, state: CaseState): CaseEvent[] {
  activeCase(state);
  authorize(command.meta, e.ViolationRecorded.emittedBy);
  return [eventOf(e.ViolationRecorded, command.data)];
}

export function recordDetention(command: Of<'RecordDetention'>, state: CaseState): CaseEvent[] {
  const current = activeCase(state);
  authorize(command.meta, e.PersonDetained.emittedBy);
  ensure(!current.detained, CASE_RULES.detention, 'already detained');
  return [eventOf(e.PersonDetained, command.data)];
}

export function recordReturnFromDetention(
  command: Of<'RecordReturnFromDetention'>,
  state: CaseState,
): CaseEvent[] {
  const current = activeCase(state);
  authorize(command.meta, e.PersonReturnedFromDetention.emittedBy);
  ensure(current.detained, CASE_RULES.detention, 'not detained');
  return [eventOf(e.PersonReturnedFromDetention, command.data)];
}

export function recordReoffenceConviction(
  command: Of<'RecordReoffenceConviction'>,
  state: CaseState,
): CaseEvent[] {
  activeCase(state);
  authorize(command.meta, e.ReoffenceConvicted.emittedBy);
  return [eventOf(e.ReoffenceConvicted, command.data)];
}
