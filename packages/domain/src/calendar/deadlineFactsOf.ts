import { addDays, type LocalDate } from '../shared/localDate.js';
import type { DayKind, PeriodLimit } from './deadlines.js';
import { DeadlineFact } from './deadlineFact.js';
import { DEADLINE_RULES, type DeadlineOpening, type DeadlineRuleId } from './deadlineRules.js';

/** A deadline an event opened, with what the rule table says about that opening. */
export interface OpenedDeadline {
  fact: DeadlineFact;
  opening: DeadlineOpening;
  /** What tells it from the rule's other deadlines in the stream (a complaint, a quarter, a loan), or null. */
  key: string | null;
  /** The count and kind, or the months, where the opening event sets them (oversight, a loan). */
  limit?: PeriodLimit;
}

type Data = Record<string, unknown>;

const OPENINGS: ReadonlyArray<[DeadlineRuleId, DeadlineOpening]> = Object.entries(DEADLINE_RULES).flatMap(
  ([id, rule]) =>
    rule.opens.map((opening): [DeadlineRuleId, DeadlineOpening] => [id as DeadlineRuleId, opening]),
);

/** The quarter a date falls in (`2026-02-12` → `2026-Q1`). */
export function quarterOf(date: LocalDate): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The last day of a quarter (`2025-Q3` → `2025-09-30`): what a quarterly report's 5 days count from. */
export function quarterEnd(quarter: string): LocalDate {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const next = q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/** The quarter after one (`2026-Q4` → `2027-Q1`). */
export const nextQuarter = (quarter: string): string => quarterOf(addDays(quarterEnd(quarter), 1));

function fromOf(opening: DeadlineOpening, data: Data): LocalDate {
  if (opening.from === 'quarter') return quarterEnd(String(data.quarter));
  if (opening.from.startsWith('quarterOf:'))
    return quarterEnd(quarterOf(String(data[opening.from.slice('quarterOf:'.length)])));
  return String(data[opening.from]);
}

function limitOf(rule: DeadlineRuleId, data: Data): PeriodLimit | undefined {
  const declared = DEADLINE_RULES[rule].limit;
  if ('monthsField' in declared) return { months: Number(data[declared.monthsField]) };
  if ('days' in declared) return undefined;
  return { days: Number(data[declared.daysField]), kind: data[declared.kindField] as DayKind };
}

/** A deadline's key: the quarter its facts count from for a quarterly duty, else the opening's key field. */
export function openingKey(rule: DeadlineRuleId, opening: DeadlineOpening, fact: DeadlineFact, data: Data) {
  const declared = DEADLINE_RULES[rule] as { period?: 'quarter' };
  if (declared.period === 'quarter') return quarterOf(fact.from);
  return opening.key ? String(data[opening.key]) : null;
}

/**
 * The deadlines an event opened: the facts it recorded (a quarterly report records its own quarter
 * and the next; a rule left out was not opened), or, for an event recorded before events kept
 * them, the facts its own fields give
 * (the day counted from, `calendarVersion: 'unrecorded'`, not provisional). Works on data as
 * stored, so views need no upcasting to read either.
 */
export function deadlineFactsOf(type: string, data: Data): OpenedDeadline[] {
  const recorded = Array.isArray(data.deadlines) ? data.deadlines.map((f) => DeadlineFact.parse(f)) : null;
  return OPENINGS.filter(([, opening]) => opening.event === type).flatMap(([rule, opening]) => {
    // An event that records facts records every deadline it opens: a rule it leaves out, it did not
    // open (a request the law sets no time to act on). Only an event from before facts were kept
    // has them read from its own fields.
    const facts: DeadlineFact[] = recorded
      ? recorded.filter((f) => f.rule === rule)
      : [{ rule, from: fromOf(opening, data), calendarVersion: 'unrecorded', provisional: false }];
    const limit = limitOf(rule, data);
    return facts.map((fact) => ({
      fact,
      opening,
      key: openingKey(rule, opening, fact, data),
      ...(limit ? { limit } : {}),
    }));
  });
}
