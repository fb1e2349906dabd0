import { z } from 'zod';
import type { UnitKind } from '../orgUnits/events.js';
import { ancestorsAt, unitAt, type OrgUnitsState } from '../orgUnits/registry.js';
import { defineCommand, type CommandOf } from '../shared/command.js';
import { eventOf } from '../shared/defineEvent.js';
import { LocalDate } from '../shared/localDate.js';
import { defineRule, ensure, refuse } from '../shared/rules.js';
import * as e from './events.js';
import { REPORT_SCHEDULE, scheduledRequest, type ScheduledTemplate } from './schedule.js';

export const RequestReport = defineCommand({
  type: 'RequestReport',
  label: { vi: 'Yêu cầu báo cáo', en: 'Request a report' },
  // Whether it was asked for is the decider's finding, not the sender's word.
  schema: e.ReportRequested.schema.omit({ unrequested: true }),
});
export const SubmitReport = defineCommand({
  type: 'SubmitReport',
  label: { vi: 'Gửi báo cáo', en: 'Submit a report' },
  schema: e.ReportSubmitted.schema.omit({ late: true, resubmission: true }),
});
export const ReturnReport = defineCommand({
  type: 'ReturnReport',
  label: { vi: 'Trả lại báo cáo', en: 'Return a report' },
  schema: e.ReportReturned.schema,
});
export const AcceptReport = defineCommand({
  type: 'AcceptReport',
  label: { vi: 'Tiếp nhận báo cáo', en: 'Accept a report' },
  schema: e.ReportAccepted.schema,
});
export const ConsolidateReport = defineCommand({
  type: 'ConsolidateReport',
  label: { vi: 'Tổng hợp báo cáo', en: 'Consolidate a report' },
  schema: e.ReportConsolidated.schema,
});
export const MarkReportOverdue = defineCommand({
  type: 'MarkReportOverdue',
  label: { vi: 'Ghi nhận báo cáo quá hạn', en: 'Mark a report overdue' },
  schema: z.object({ detectedOn: LocalDate }).strict(),
});

export const REPORT_COMMANDS = [
  RequestReport,
  SubmitReport,
  ReturnReport,
  AcceptReport,
  ConsolidateReport,
  MarkReportOverdue,
] as const;
export type ReportCommand = CommandOf<(typeof REPORT_COMMANDS)[number]>;

interface ReportFacts {
  reportingUnit: string;
  recipientUnit: string;
  channelUnit: string | null;
  dueDate: string;
  submissions: number;
  overdue: boolean;
}

/** A report owed upward (DOMAIN.md §2e). */
export type ReportState =
  | { status: 'none' }
  | ({ status: 'requested' | 'submitted' | 'returned' | 'accepted' | 'consolidated' } & ReportFacts);
export const initialReportState: ReportState = { status: 'none' };

export const REPORT_RULES = {
  exists: defineRule({
    id: 'report.exists',
    kind: 'illegal-state',
    vi: 'Đã có yêu cầu báo cáo này',
    en: 'The report request already exists',
  }),
  none: defineRule({
    id: 'report.none',
    kind: 'illegal-state',
    vi: 'Chưa có yêu cầu báo cáo này',
    en: 'There is no such report request',
  }),
  requester: defineRule({
    id: 'report.requester',
    kind: 'forbidden',
    vi: 'Chỉ đơn vị nhận báo cáo được yêu cầu báo cáo',
    en: 'Only the recipient unit requests a report',
  }),
  reporter: defineRule({
    id: 'report.reporter',
    kind: 'forbidden',
    vi: 'Chỉ đơn vị có trách nhiệm báo cáo được gửi báo cáo',
    en: 'Only the reporting unit submits the report',
  }),
  receiver: defineRule({
    id: 'report.receiver',
    kind: 'forbidden',
    vi: 'Chỉ đơn vị nhận (hoặc đơn vị đầu mối) được tiếp nhận, trả lại báo cáo',
    en: 'Only the channel or recipient unit accepts or returns the report',
  }),
  notAwaitingReview: defineRule({
    id: 'report.not-awaiting-review',
    kind: 'illegal-state',
    vi: 'Báo cáo không ở trạng thái chờ tiếp nhận',
    en: 'The report is not awaiting review',
  }),
  notOpen: defineRule({
    id: 'report.not-open',
    kind: 'illegal-state',
    vi: 'Báo cáo đã gửi và đang được xử lý',
    en: 'The report has been submitted and is being handled',
  }),
  notAccepted: defineRule({
    id: 'report.not-accepted',
    kind: 'illegal-state',
    vi: 'Báo cáo chưa được tiếp nhận',
    en: 'The report has not been accepted',
  }),
  scheduleOnly: defineRule({
    id: 'report.schedule-only',
    kind: 'forbidden',
    vi: 'Hệ thống chỉ yêu cầu các báo cáo định kỳ theo lịch, đúng kỳ, đơn vị và thời hạn của lịch',
    en: 'The system requests only the scheduled reports, with the schedule’s period, units and due date',
  }),
  scheduledBySystem: defineRule({
    id: 'report.scheduled-by-system',
    kind: 'forbidden',
    vi: 'Chỉ hệ thống ghi yêu cầu báo cáo theo lịch',
    en: 'Only the system records a scheduled request',
  }),
  upward: defineRule({
    id: 'report.upward',
    kind: 'forbidden',
    vi: 'Đơn vị tự gửi báo cáo chỉ gửi lên cấp trên của mình',
    en: 'A unit opening its own report sends it only to a unit above it',
  }),
  overdueBySystem: defineRule({
    id: 'report.overdue-by-system',
    kind: 'forbidden',
    vi: 'Chỉ hệ thống ghi nhận báo cáo quá hạn, theo thời hạn đã ghi',
    en: 'Only the system marks a report overdue, from its recorded due date',
  }),
  notOverdue: defineRule({
    id: 'report.not-overdue',
    kind: 'illegal-state',
    vi: 'Báo cáo chưa quá hạn',
    en: 'The report is not overdue',
  }),
} as const;

export function evolveReport(state: ReportState, event: e.ReportEvent): ReportState {
  if (event.type === 'ReportRequested') {
    const d = event.data;
    return {
      status: 'requested',
      reportingUnit: d.reportingUnit,
      recipientUnit: d.recipientUnit,
      channelUnit: d.channelUnit ?? null,
      dueDate: d.dueDate,
      submissions: 0,
      overdue: false,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ReportSubmitted':
      return { ...state, status: 'submitted', submissions: state.submissions + 1 };
    case 'ReportReturned':
      return { ...state, status: 'returned' };
    case 'ReportAccepted':
      return { ...state, status: 'accepted' };
    case 'ReportConsolidated':
      return { ...state, status: 'consolidated' };
    case 'ReportOverdue':
      return { ...state, overdue: true };
  }
}

/** What a request is decided with: the unit tree, for the schedule and for "above" (loaded by the handler). */
export interface ReportContext {
  tree: OrgUnitsState;
}

// Administrative areas: a report goes to one only when it is the reporter's own ancestor.
const AREAS: readonly UnitKind[] = [
  'PROVINCE',
  'DISTRICT',
  'COMMUNE',
  'WARD',
  'SPECIAL_ZONE',
  'VILLAGE',
  'RESIDENTIAL_GROUP',
];

type RequestReportCommand = Extract<ReportCommand, { type: 'RequestReport' }>;

/** The clock's request must be exactly what the schedule owes (TT10 5; QĐ22 14(2)(c)). */
function ensureScheduled(command: RequestReportCommand, tree: OrgUnitsState): void {
  const d = command.data;
  const commune = unitAt(tree, d.reportingUnit, d.requestedOn)?.parent ?? null;
  const owed =
    commune !== null && d.template in REPORT_SCHEDULE
      ? scheduledRequest(tree, commune, d.template as ScheduledTemplate, d.period)
      : null;
  ensure(
    owed !== null &&
      owed.reportingUnit === d.reportingUnit &&
      owed.recipientUnit === d.recipientUnit &&
      owed.dueDate === d.dueDate &&
      owed.requestedOn === d.requestedOn &&
      owed.scheduled.dueVerified === d.scheduled?.dueVerified &&
      d.channelUnit === undefined &&
      d.planId === undefined,
    REPORT_RULES.scheduleOnly,
    `${d.template} ${d.period}`,
  );
}

function decideRequest(command: RequestReportCommand, tree: OrgUnitsState): e.ReportEvent[] {
  const d = command.data;
  if (command.meta.role === 'system') {
    ensureScheduled(command, tree);
    return [eventOf(e.ReportRequested, d)];
  }
  ensure(d.scheduled === undefined, REPORT_RULES.scheduledBySystem);
  if (command.meta.unit === d.recipientUnit) return [eventOf(e.ReportRequested, d)];
  // J3: the reporting unit opens a report it owes upward unasked (the commune's own report to the
  // city). The recipient stands above it: an ancestor, or a body (not an area) directly under an
  // ancestor above its own parent — the province's police for a commune police, never a sibling.
  ensure(command.meta.unit === d.reportingUnit, REPORT_RULES.requester);
  const above = ancestorsAt(tree, d.reportingUnit, d.requestedOn);
  const recipient = unitAt(tree, d.recipientUnit, d.requestedOn);
  const bodyAbove =
    recipient !== null &&
    !AREAS.includes(recipient.kind) &&
    recipient.parent !== null &&
    above.slice(1).includes(recipient.parent);
  ensure(above.includes(d.recipientUnit) || bodyAbove, REPORT_RULES.upward, d.recipientUnit);
  return [eventOf(e.ReportRequested, { ...d, unrequested: true })];
}

export function decideReport(
  command: ReportCommand,
  state: ReportState,
  context: ReportContext = { tree: {} },
): e.ReportEvent[] {
  // A sweep's marker: the clock records it from the stored due date, no person types it in.
  if (command.type === 'MarkReportOverdue')
    ensure(command.meta.role === 'system', REPORT_RULES.overdueBySystem, command.meta.role);
  if (command.type === 'RequestReport') {
    ensure(state.status === 'none', REPORT_RULES.exists);
    return decideRequest(command, context.tree);
  }
  if (state.status === 'none') return refuse(REPORT_RULES.none);
  const reviewers = [state.channelUnit ?? state.recipientUnit, state.recipientUnit];
  switch (command.type) {
    case 'SubmitReport':
      ensure(command.meta.unit === state.reportingUnit, REPORT_RULES.reporter);
      ensure(state.status === 'requested' || state.status === 'returned', REPORT_RULES.notOpen);
      return [
        eventOf(e.ReportSubmitted, {
          ...command.data,
          late: command.data.submittedOn > state.dueDate,
          resubmission: state.submissions > 0,
        }),
      ];
    case 'ReturnReport':
    case 'AcceptReport':
      ensure(reviewers.includes(command.meta.unit), REPORT_RULES.receiver);
      ensure(state.status === 'submitted', REPORT_RULES.notAwaitingReview);
      return command.type === 'ReturnReport'
        ? [eventOf(e.ReportReturned, command.data)]
        : [eventOf(e.ReportAccepted, command.data)];
    case 'ConsolidateReport':
      ensure(command.meta.unit === state.recipientUnit, REPORT_RULES.receiver);
      ensure(state.status === 'accepted', REPORT_RULES.notAccepted);
      return [eventOf(e.ReportConsolidated, command.data)];
    case 'MarkReportOverdue': {
      const open = state.status === 'requested' || state.status === 'returned';
      if (!open || state.overdue || command.data.detectedOn <= state.dueDate)
        return refuse(REPORT_RULES.notOverdue);
      return [eventOf(e.ReportOverdue, { dueDate: state.dueDate, detectedOn: command.data.detectedOn })];
    }
  }
}
