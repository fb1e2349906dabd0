import type { RecordedEvent } from '@dacxa/event-store';
import {
  addDays,
  addMonths,
  DEADLINE_MISSED_TYPES,
  DEADLINE_RULES,
  deadlineFactsOf,
  dueUnderRule,
  isQuarterly,
  keyFieldOf,
  ledgerKey,
  nextQuarter,
  quarterEnd,
  type DeadlineRuleId,
  type HolidayCalendar,
  type OpenedDeadline,
  type PeriodLimit,
} from '@dacxa/domain';
import type { Projection, ReadDoc, Route, Target } from '../engine/projection.js';
import type { Doc } from '../types.js';
import {
  calendarCopyTarget,
  calendarFor,
  calendarOfCopy,
  foldPublication,
  isPublication,
} from './calendarCopy.js';
import { unitRoot } from './unitRoot.js';

/** One deadline an event opened: its facts, the due date they give over the calendar, and whether it was met. */
export interface DeadlineDoc {
  [key: string]: unknown;
  /** `<stream>/<rule>`, with the opening's key (a complaint, a recommendation, a quarter) where a stream has several. */
  id: string;
  stream: string;
  rule: DeadlineRuleId;
  /** The opening's key where the stream has several of the rule, else null. */
  key: string | null;
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
  /** The count and kind, or months, where the opening event set them (oversight, a loan's term). */
  limit: PeriodLimit | null;
  /** `missed-recorded`: the clock recorded it missed (`…DeadlineMissed`); it keeps the date it was missed against. */
  /** `ended`: the case closed or moved to another commune before it was met (nothing to sweep). */
  status: 'open' | 'met' | 'missed-recorded' | 'ended';
  metOn: string | null;
  /** The day the clock recorded it missed (the day after `dueDate`), else null. */
  missedOn: string | null;
  late: boolean;
}

type Data = Record<string, unknown>;
const COLLECTION = 'deadlines';
/** The view's own copy of the published calendar: its state lives in its documents, not in memory. */
const CALENDAR = 'deadline_calendar';
const field = (data: Data, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v as Data | undefined)?.[k], data);

const keyOf = (rule: DeadlineRuleId, data: Data): string | null => {
  const key = keyFieldOf(rule);
  return key ? String(data[key]) : null;
};
const idOf = (stream: string, rule: DeadlineRuleId, data: Data): string =>
  `${stream}/${ledgerKey(rule, keyOf(rule, data))}`;
const openedId = (stream: string, o: OpenedDeadline): string => `${stream}/${ledgerKey(o.fact.rule, o.key)}`;

/** A quarter's report recorded missed: the next quarter's, which the miss opens (DEADLINE_RULES `period`). */
function followingOf(event: RecordedEvent): { missed: string; next: string; quarter: string } | null {
  const { rule, key } = event.data as { rule: DeadlineRuleId; key?: string };
  if (!DEADLINE_MISSED_TYPES.includes(event.type) || !isQuarterly(rule) || !key) return null;
  const quarter = nextQuarter(key);
  return {
    missed: `${event.stream}/${ledgerKey(rule, key)}`,
    next: `${event.stream}/${ledgerKey(rule, quarter)}`,
    quarter,
  };
}

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
    // Only an uncovered year: keep the date recorded, or the nominal one, flagged provisional.
    return { dueDate: doc.dueDate, provisional: true, calendarVersion: doc.calendarVersion };
  }
}

/** The date before any day off is allowed for: what an uncovered year shows until it is published. */
function nominalDue(rule: DeadlineRuleId, from: string, limit: PeriodLimit | null): string {
  const applied = limit ?? (DEADLINE_RULES[rule].limit as PeriodLimit);
  return 'months' in applied ? addMonths(from, applied.months) : addDays(from, applied.days);
}

function opened(event: RecordedEvent, o: OpenedDeadline, calendar: HolidayCalendar): DeadlineDoc {
  const data = event.data as Data;
  const unit =
    o.opening.unit === 'metadata.unit' ? String(event.metadata.unit) : String(data[o.opening.unit]);
  // The date the event recorded is its own deadline's, not the next quarter's it also opens.
  const own = o.opening.key === undefined || o.key === String(data[o.opening.key]);
  const recorded = o.opening.recorded && own ? data[o.opening.recorded] : undefined;
  const recordedDueDate = typeof recorded === 'string' ? recorded : null;
  const base: DeadlineDoc = {
    id: openedId(event.stream, o),
    stream: event.stream,
    rule: o.fact.rule,
    key: o.key,
    label: DEADLINE_RULES[o.fact.rule].label.vi,
    unit,
    scopeUnit: unitRoot(unit),
    recordedBy: String(event.metadata.unit),
    from: o.fact.from,
    dueDate: recordedDueDate ?? nominalDue(o.fact.rule, o.fact.from, o.limit ?? null),
    provisional: o.fact.provisional,
    calendarVersion: o.fact.calendarVersion,
    recordedDueDate,
    limit: o.limit ?? null,
    status: 'open',
    metOn: null,
    missedOn: null,
    late: false,
  };
  return { ...base, ...derive(base, calendar) };
}

/** The next quarter's report, owed by the same unit as the quarter recorded missed. */
function owedNext(
  missed: Doc | null,
  following: { next: string; quarter: string },
  read: ReadDoc,
): DeadlineDoc | null {
  if (!missed) return null;
  const base: DeadlineDoc = {
    ...(missed as DeadlineDoc),
    id: following.next,
    key: following.quarter,
    from: quarterEnd(following.quarter),
    recordedDueDate: null,
    status: 'open',
    metOn: null,
    missedOn: null,
    late: false,
  };
  base.dueDate = nominalDue(base.rule, base.from, null);
  return { ...base, ...derive(base, calendarOfCopy(read(calendarCopyTarget(CALENDAR)))) };
}

/** Met by its step: late against the derived date (a deadline recorded missed and met later is late). */
const met = (doc: DeadlineDoc, on: string): DeadlineDoc => ({
  ...doc,
  status: 'met',
  metOn: on,
  late: on > doc.dueDate,
});

const ENDS_CASE = new Set(['CaseClosed', 'CaseTransferredOut']);

function route(event: RecordedEvent): readonly Route[] {
  const data = event.data as Data;
  // An amendment recomputes every open deadline: found in the stored documents, not in memory.
  if (isPublication(event))
    return [calendarCopyTarget(CALENDAR), { collection: COLLECTION, where: { status: 'open' } }];
  // A case closed or transferred away ends its open duties: its commune owes them no more.
  if (ENDS_CASE.has(event.type))
    return [{ collection: COLLECTION, where: { stream: event.stream, status: 'open' } }];
  const targets = new Set<string>();
  if (DEADLINE_MISSED_TYPES.includes(event.type))
    targets.add(`${event.stream}/${ledgerKey(data.rule as DeadlineRuleId, data.key as string | undefined)}`);
  const following = followingOf(event);
  if (following) targets.add(following.next);
  for (const o of tracked(event)) targets.add(openedId(event.stream, o));
  for (const [type, rule] of CLOSED_BY) if (type === event.type) targets.add(idOf(event.stream, rule, data));
  return [...targets].map((id) => ({ collection: COLLECTION, id }));
}

function evolve(
  doc: DeadlineDoc | null,
  event: RecordedEvent,
  target: Target,
  read: ReadDoc,
): DeadlineDoc | null {
  const data = event.data as Data;
  if (target.collection === CALENDAR) return foldPublication(doc, event) as unknown as DeadlineDoc;
  if (isPublication(event))
    return doc?.status === 'open' ? { ...doc, ...derive(doc, calendarFor(event, read, CALENDAR)) } : doc;
  if (ENDS_CASE.has(event.type))
    return doc?.status === 'open' && doc.stream === event.stream ? { ...doc, status: 'ended' } : doc;
  const following = followingOf(event);
  if (following && target.id === following.next)
    return doc ?? owedNext(read({ collection: COLLECTION, id: following.missed }), following, read);
  if (DEADLINE_MISSED_TYPES.includes(event.type))
    return doc?.status === 'open'
      ? { ...doc, status: 'missed-recorded', missedOn: String(data.detectedOn) }
      : doc;
  let next = doc;
  const opening = tracked(event).find((o) => openedId(event.stream, o) === target.id);
  // An extension moves a deadline still open: counted again from the date it extends.
  const moves = opening?.opening.reopens === true && next?.status === 'open';
  if (opening && (!next || moves)) next = opened(event, opening, calendarFor(event, read, CALENDAR));
  const closing = CLOSED_BY.find(
    ([type, rule]) => type === event.type && idOf(event.stream, rule, data) === target.id,
  );
  if (closing && (next?.status === 'open' || next?.status === 'missed-recorded'))
    next = met(next, String(field(data, closing[2])));
  return next;
}

/**
 * The deadlines view. Its state is all in its documents: the calendar's publications are a
 * document of its own (`deadline_calendar`), read for every opening; an amendment updates every
 * open deadline the store holds. So a restart from a checkpoint, a second instance or a rebuild
 * computes what one instance fed from the start computes.
 */
export function createDeadlinesProjection(): Projection<DeadlineDoc> {
  return {
    name: 'deadlines',
    version: 4,
    collections: [
      { name: COLLECTION, indexes: ['scopeUnit', 'unit', 'rule', 'status', 'dueDate', 'stream'] },
      { name: CALENDAR, indexes: [] },
    ],
    route,
    reads: (event) => {
      const following = followingOf(event);
      if (following) return [calendarCopyTarget(CALENDAR), { collection: COLLECTION, id: following.missed }];
      return tracked(event).length > 0 || isPublication(event) ? [calendarCopyTarget(CALENDAR)] : [];
    },
    evolve,
  };
}

/** The instance every service runs (it holds nothing in memory: any instance will do). */
export const deadlinesProjection = createDeadlinesProjection();
