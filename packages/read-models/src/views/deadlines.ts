import type { RecordedEvent } from '@dacxa/event-store';
import {
  BUILT_IN_CALENDAR,
  DEADLINE_RULES,
  calendarAsKnownOn,
  deadlineFactsOf,
  dueUnderRule,
  evolveCalendar,
  initialCalendarState,
  type CalendarEvent,
  type CalendarState,
  type DeadlineRuleId,
  type HolidayCalendar,
  type OpenedDeadline,
} from '@dacxa/domain';
import type { Projection, Target } from '../engine/projection.js';
import { unitRoot } from './unitRoot.js';

/** One deadline an event opened: its facts, the due date they give over the calendar, and whether it was met. */
export interface DeadlineDoc {
  [key: string]: unknown;
  /** `<stream>/<rule>`, with the opening's key (a complaint, a recommendation, a quarter) where a stream has several. */
  id: string;
  stream: string;
  rule: DeadlineRuleId;
  label: string;
  /** The unit that must meet it, and the administrative unit it belongs to: what a reader's scope selects on. */
  unit: string;
  scopeUnit: string;
  /** The unit that recorded the opening event. */
  recordedBy: string;
  from: string;
  /** Derived from the facts over the calendar as this view knows it; recomputed on every amendment while open. */
  dueDate: string;
  provisional: boolean;
  calendarVersion: string;
  /** The date the opening event computed when it was recorded: history, not the due date. */
  recordedDueDate: string | null;
  /** The count and kind where the opening event set them (an oversight recommendation). */
  limit: { days: number; kind: 'CALENDAR' | 'WORKING' } | null;
  /** `missed-recorded` is for a rule whose miss an event records; none of today's rules has one. */
  status: 'open' | 'met' | 'missed-recorded';
  metOn: string | null;
  late: boolean;
}

type Data = Record<string, unknown>;
const COLLECTION = 'deadlines';
const field = (data: Data, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v as Data | undefined)?.[k], data);

const idOf = (stream: string, rule: DeadlineRuleId, data: Data): string => {
  const key = DEADLINE_RULES[rule].opens.find((o) => 'key' in o)?.key;
  return key ? `${stream}/${rule}/${String(data[key])}` : `${stream}/${rule}`;
};

const tracked = (event: RecordedEvent): OpenedDeadline[] =>
  deadlineFactsOf(event.type, event.data as Data).filter(
    (o) => o.opening.tracked !== false && DEADLINE_RULES[o.fact.rule].nature === 'duty',
  );

const CLOSED_BY: ReadonlyArray<[string, DeadlineRuleId, string]> = Object.entries(DEADLINE_RULES).flatMap(
  ([rule, r]) =>
    r.closes.map((c): [string, DeadlineRuleId, string] => [c.event, rule as DeadlineRuleId, c.on]),
);

/** The due date and calendar facts of a deadline over `calendar`; the recorded ones where it cannot count. */
function derive(
  doc: DeadlineDoc,
  calendar: HolidayCalendar,
): Pick<DeadlineDoc, 'dueDate' | 'provisional' | 'calendarVersion'> {
  try {
    const due = dueUnderRule(doc.rule, doc.from, calendar, doc.limit ?? undefined);
    return { dueDate: due.date, provisional: due.provisional, calendarVersion: due.calendarVersion };
  } catch {
    // Only an uncovered year: the decider could count it when recording, so keep what it recorded.
    return { dueDate: doc.dueDate, provisional: true, calendarVersion: doc.calendarVersion };
  }
}

function opened(event: RecordedEvent, o: OpenedDeadline, calendar: HolidayCalendar): DeadlineDoc {
  const data = event.data as Data;
  const unit =
    o.opening.unit === 'metadata.unit' ? String(event.metadata.unit) : String(data[o.opening.unit]);
  const recordedDueDate =
    typeof data[o.opening.recorded] === 'string' ? String(data[o.opening.recorded]) : null;
  const base: DeadlineDoc = {
    id: idOf(event.stream, o.fact.rule, data),
    stream: event.stream,
    rule: o.fact.rule,
    label: DEADLINE_RULES[o.fact.rule].label.vi,
    unit,
    scopeUnit: unitRoot(unit),
    recordedBy: String(event.metadata.unit),
    from: o.fact.from,
    dueDate: recordedDueDate ?? o.fact.from,
    provisional: o.fact.provisional,
    calendarVersion: o.fact.calendarVersion,
    recordedDueDate,
    limit: o.limit ?? null,
    status: 'open',
    metOn: null,
    late: false,
  };
  return { ...base, ...derive(base, calendar) };
}

const met = (doc: DeadlineDoc, on: string): DeadlineDoc => ({
  ...doc,
  status: 'met',
  metOn: on,
  late: on > doc.dueDate,
});

/**
 * The deadlines view. `route` and `evolve` fold the calendar's publications as the log delivers them
 * (the log's order is the order they were recorded), so each instance keeps the calendar it has seen
 * and the ids of the deadlines still open: an amendment is routed to every one of them. That memory
 * is the instance's, so it is complete only for an instance fed from the start of the log.
 */
export function createDeadlinesProjection(): Projection<DeadlineDoc> {
  let calendarState: CalendarState = initialCalendarState;
  let calendar: HolidayCalendar = BUILT_IN_CALENDAR;
  let folded = -1n;
  const open = new Set<string>();

  function route(event: RecordedEvent): readonly Target[] {
    const data = event.data as Data;
    if (event.type === 'HolidayCalendarPublished') {
      if (BigInt(event.position) > folded) {
        folded = BigInt(event.position);
        calendarState = evolveCalendar(calendarState, event as unknown as CalendarEvent);
        const latest = calendarState.publications.at(-1)?.knownFrom ?? '0001-01-01';
        calendar = calendarAsKnownOn(calendarState, latest);
      }
      return [...open].map((id) => ({ collection: COLLECTION, id }));
    }
    const targets = new Set<string>();
    for (const o of tracked(event)) targets.add(idOf(event.stream, o.fact.rule, data));
    for (const [type, rule] of CLOSED_BY)
      if (type === event.type) targets.add(idOf(event.stream, rule, data));
    return [...targets].map((id) => ({ collection: COLLECTION, id }));
  }

  function evolve(doc: DeadlineDoc | null, event: RecordedEvent, target: Target): DeadlineDoc | null {
    const data = event.data as Data;
    if (event.type === 'HolidayCalendarPublished')
      return doc?.status === 'open' ? { ...doc, ...derive(doc, calendar) } : doc;
    let next = doc;
    const opening = tracked(event).find((o) => idOf(event.stream, o.fact.rule, data) === target.id);
    if (opening && !next) next = opened(event, opening, calendar);
    const closing = CLOSED_BY.find(
      ([type, rule]) => type === event.type && idOf(event.stream, rule, data) === target.id,
    );
    if (closing && next?.status === 'open') next = met(next, String(field(data, closing[2])));
    if (next?.status === 'open') open.add(target.id);
    else open.delete(target.id);
    return next;
  }

  return {
    name: 'deadlines',
    version: 1,
    collections: [{ name: COLLECTION, indexes: ['scopeUnit', 'unit', 'rule', 'status', 'dueDate'] }],
    route,
    evolve,
  };
}

/** The instance every service runs (see `createDeadlinesProjection` on what it remembers). */
export const deadlinesProjection = createDeadlinesProjection();
