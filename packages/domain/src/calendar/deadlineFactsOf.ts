import { addDays, type LocalDate } from '../shared/localDate.js';
import type { DayKind, TimeLimit } from './deadlines.js';
import { DeadlineFact } from './deadlineFact.js';
import { DEADLINE_RULES, type DeadlineOpening, type DeadlineRuleId } from './deadlineRules.js';

/** A deadline an event opened, with what the rule table says about that opening. */
export interface OpenedDeadline {
  fact: DeadlineFact;
  opening: DeadlineOpening;
  /** The count and kind, where the opening event sets them (an oversight recommendation). */
  limit?: TimeLimit;
}

type Data = Record<string, unknown>;

const OPENINGS: ReadonlyArray<[DeadlineRuleId, DeadlineOpening]> = Object.entries(DEADLINE_RULES).flatMap(
  ([id, rule]) =>
    rule.opens.map((opening): [DeadlineRuleId, DeadlineOpening] => [id as DeadlineRuleId, opening]),
);

/** The last day of a quarter (`2025-Q3` → `2025-09-30`): what a quarterly report's 5 days count from. */
function quarterEnd(quarter: string): LocalDate {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const next = q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

const fromOf = (opening: DeadlineOpening, data: Data): LocalDate =>
  opening.from === 'quarter' ? quarterEnd(String(data.quarter)) : String(data[opening.from]);

function limitOf(rule: DeadlineRuleId, data: Data): TimeLimit | undefined {
  const declared = DEADLINE_RULES[rule].limit;
  if ('days' in declared) return undefined;
  return { days: Number(data[declared.daysField]), kind: data[declared.kindField] as DayKind };
}

/**
 * The deadlines an event opened: the facts it recorded, or, for an event recorded before events
 * kept them, the facts its own fields give (the day counted from, `calendarVersion: 'unrecorded'`,
 * not provisional). Works on data as stored, so views need no upcasting to read either.
 */
export function deadlineFactsOf(type: string, data: Data): OpenedDeadline[] {
  const recorded = Array.isArray(data.deadlines) ? data.deadlines.map((f) => DeadlineFact.parse(f)) : null;
  return OPENINGS.filter(([, opening]) => opening.event === type).map(([rule, opening]) => {
    const fact = recorded?.find((f) => f.rule === rule) ?? {
      rule,
      from: fromOf(opening, data),
      calendarVersion: 'unrecorded',
      provisional: false,
    };
    const limit = limitOf(rule, data);
    return limit ? { fact, opening, limit } : { fact, opening };
  });
}
