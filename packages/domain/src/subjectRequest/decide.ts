import { dueUnderRule } from '../calendar/deadlineFact.js';
import { openDeadline } from '../calendar/deadlineFact.js';
import type { HolidayCalendar } from '../calendar/holidayCalendar.js';
import { eventOf } from '../shared/defineEvent.js';
import { localDateAt } from '../shared/localDate.js';
import { defineRule, ensure, refuse } from '../shared/rules.js';
import type { SubjectRequestCommand } from './commands.js';
import * as e from './events.js';

/** A data-subject request as its stream leaves it. */
export type SubjectRequestState =
  | { status: 'none' }
  | {
      status: 'received' | 'acknowledged' | 'answered';
      requestId: string;
      communeCode: string;
      receivedOn: string;
      /** The time to act, where the law sets one (restriction, objection, consent withdrawn). */
      limit: { days: number; kind: 'CALENDAR' | 'WORKING' } | null;
      extended: boolean;
    };
export const initialSubjectRequestState: SubjectRequestState = { status: 'none' };

export const SUBJECT_REQUEST_RULES = {
  exists: defineRule({
    id: 'subject-request.exists',
    kind: 'illegal-state',
    vi: 'Yêu cầu này đã được tiếp nhận',
    en: 'The request was already received',
  }),
  none: defineRule({
    id: 'subject-request.none',
    kind: 'illegal-state',
    vi: 'Chưa tiếp nhận yêu cầu này',
    en: 'No such request was received',
  }),
  answered: defineRule({
    id: 'subject-request.answered',
    kind: 'illegal-state',
    vi: 'Yêu cầu đã được trả lời',
    en: 'The request was already answered',
  }),
  acknowledged: defineRule({
    id: 'subject-request.acknowledged',
    kind: 'illegal-state',
    vi: 'Đã xác nhận nhận yêu cầu',
    en: 'The request was already acknowledged',
  }),
  notYet: defineRule({
    id: 'subject-request.not-yet',
    kind: 'illegal-state',
    vi: 'Ngày nhận, xác nhận hoặc trả lời yêu cầu không thể sau ngày hôm nay',
    en: 'A request is not received, acknowledged or answered after today',
  }),
  beforeReceipt: defineRule({
    id: 'subject-request.before-receipt',
    kind: 'illegal-state',
    vi: 'Ngày xác nhận, trả lời không thể trước ngày nhận yêu cầu',
    en: 'A request is acknowledged or answered on or after the day it was received',
  }),
  notTimed: defineRule({
    id: 'subject-request.not-timed',
    kind: 'illegal-state',
    vi: 'Chỉ gia hạn yêu cầu có thời hạn giải quyết',
    en: 'Only a request with a time to act can be extended',
  }),
  extendedOnce: defineRule({
    id: 'subject-request.extended-once',
    kind: 'illegal-state',
    vi: 'Yêu cầu chỉ được gia hạn một lần',
    en: 'A request is extended once only',
  }),
  extensionAfterDue: defineRule({
    id: 'subject-request.extension-after-due',
    kind: 'illegal-state',
    vi: 'Gia hạn phải trước khi hết thời hạn giải quyết',
    en: 'The extension comes before the time to act runs out',
  }),
  reasonForRefusal: defineRule({
    id: 'subject-request.reason-for-refusal',
    kind: 'illegal-state',
    vi: 'Từ chối hoặc đáp ứng một phần phải nêu lý do',
    en: 'A refusal or a partial answer states its reason',
  }),
} as const;

/** The one extension Decree 356/2025 allows, as law firms quote it (DOMAIN.md §9.3). */
const EXTENSION_DAYS = 15;

// The requests the law gives a time to act on: 15 days, 20 where a processor holds the data.
const TIMED: readonly e.SubjectRequestKind[] = ['RESTRICTION', 'OBJECTION', 'CONSENT_WITHDRAWAL'];

export function evolveSubjectRequest(
  state: SubjectRequestState,
  event: e.SubjectRequestEvent,
): SubjectRequestState {
  switch (event.type) {
    case 'SubjectRequestReceived':
      return {
        status: 'received',
        requestId: event.data.requestId,
        communeCode: event.data.communeCode,
        receivedOn: event.data.receivedOn,
        limit:
          event.data.responseDays && event.data.dayKind
            ? { days: event.data.responseDays, kind: event.data.dayKind }
            : null,
        extended: false,
      };
    case 'SubjectRequestExtended':
      return state.status === 'none' ? state : { ...state, extended: true };
    case 'SubjectRequestAcknowledged':
      return state.status === 'received' ? { ...state, status: 'acknowledged' } : state;
    case 'SubjectRequestAnswered':
      return state.status === 'none' ? state : { ...state, status: 'answered' };
  }
}

/** Receipt opens the clocks; acknowledgement and the answer meet them (docs/deadlines.md). */
export function decideSubjectRequest(
  command: SubjectRequestCommand,
  state: SubjectRequestState,
  calendar: HolidayCalendar,
): e.SubjectRequestEvent[] {
  const R = SUBJECT_REQUEST_RULES;
  if (command.type === 'ReceiveSubjectRequest') {
    ensure(state.status === 'none', R.exists);
    const { receivedOn, kind, viaProcessor } = command.data;
    ensure(receivedOn <= localDateAt(command.meta.now), R.notYet, receivedOn);
    const ack = openDeadline('subject-request.acknowledge', receivedOn, calendar);
    if (!TIMED.includes(kind))
      return [
        eventOf(e.SubjectRequestReceived, {
          ...command.data,
          acknowledgeBy: ack.date,
          deadlines: [ack.fact],
        }),
      ];
    const limit = { days: viaProcessor ? 20 : 15, kind: 'CALENDAR' as const };
    const act = openDeadline('subject-request.respond', receivedOn, calendar, limit);
    return [
      eventOf(e.SubjectRequestReceived, {
        ...command.data,
        acknowledgeBy: ack.date,
        respondBy: act.date,
        responseDays: limit.days,
        dayKind: limit.kind,
        deadlines: [ack.fact, act.fact],
      }),
    ];
  }
  if (state.status === 'none') return refuse(R.none);
  ensure(state.status !== 'answered', R.answered);
  if (command.type === 'AcknowledgeSubjectRequest') {
    ensure(state.status === 'received', R.acknowledged);
    ensure(command.data.acknowledgedOn >= state.receivedOn, R.beforeReceipt);
    ensure(command.data.acknowledgedOn <= localDateAt(command.meta.now), R.notYet);
    return [eventOf(e.SubjectRequestAcknowledged, command.data)];
  }
  if (command.type === 'ExtendSubjectRequest') {
    // One extension of 15 days, decided and told to the person before the time runs out.
    ensure(state.limit !== null, R.notTimed);
    ensure(!state.extended, R.extendedOnce);
    const { extendedOn } = command.data;
    ensure(extendedOn >= state.receivedOn, R.beforeReceipt);
    ensure(extendedOn <= localDateAt(command.meta.now), R.notYet);
    const due = dueUnderRule('subject-request.respond', state.receivedOn, calendar, state.limit ?? undefined);
    ensure(extendedOn <= due.date, R.extensionAfterDue, due.date);
    const limit = { days: EXTENSION_DAYS, kind: 'CALENDAR' as const };
    const act = openDeadline('subject-request.respond', due.date, calendar, limit);
    return [
      eventOf(e.SubjectRequestExtended, {
        ...command.data,
        communeCode: state.communeCode,
        extendedFrom: due.date,
        respondBy: act.date,
        responseDays: limit.days,
        dayKind: limit.kind,
        deadlines: [act.fact],
      }),
    ];
  }
  ensure(command.data.answeredOn >= state.receivedOn, R.beforeReceipt);
  ensure(command.data.answeredOn <= localDateAt(command.meta.now), R.notYet);
  ensure(command.data.outcome === 'FULFILLED' || command.data.reason !== undefined, R.reasonForRefusal);
  return [eventOf(e.SubjectRequestAnswered, command.data)];
}
