import type { DomainEvent } from '../shared/defineEvent.js';
import { deadlineFactsOf, nextQuarter } from './deadlineFactsOf.js';
import { DEADLINE_MISSED_TYPES } from './deadlineMissed.js';
import { DEADLINE_RULES, deadlineRule, type DeadlineRuleId } from './deadlineRules.js';

/** Where a duty of a stream stands: opened, met by its step, or recorded missed by the clock. */
export type LedgerStatus = 'open' | 'met' | 'missed';

/** A stream's duties by `<rule>` (or `<rule>/<key>` where the stream has several): what the clock may still record. */
export type DeadlineLedger = Readonly<Record<string, LedgerStatus>>;

type Data = Record<string, unknown>;

/** The field that tells several deadlines of a rule in one stream apart, if it has one. */
export const keyFieldOf = (rule: DeadlineRuleId): string | undefined =>
  deadlineRule(rule).opens.find((o) => o.key !== undefined)?.key;

/** A duty's place in the ledger (and, after the stream, in the deadlines view's id). */
export const ledgerKey = (rule: DeadlineRuleId, key?: string | null): string =>
  key ? `${rule}/${key}` : rule;

const keyIn = (rule: DeadlineRuleId, data: Data): string | null => {
  const field = keyFieldOf(rule);
  return field ? String(data[field]) : null;
};

/** Whether a rule is owed every quarter (its key is the quarter). */
export const isQuarterly = (rule: DeadlineRuleId): boolean =>
  (deadlineRule(rule) as { period?: string }).period === 'quarter';

const CLOSED_BY: ReadonlyArray<[string, DeadlineRuleId]> = Object.entries(DEADLINE_RULES).flatMap(
  ([rule, r]) => r.closes.map((c): [string, DeadlineRuleId] => [c.event, rule as DeadlineRuleId]),
);

/**
 * The ledger after an event: duties its opening facts start (the rule table's, not windows nor a
 * transfer's origin copy), duties its step meets, and a miss the clock recorded. Data as stored.
 */
export function foldDeadlineLedger(ledger: DeadlineLedger, event: DomainEvent): DeadlineLedger {
  const data = event.data as Data;
  if (DEADLINE_MISSED_TYPES.includes(event.type)) {
    const { rule, key } = data as { rule: DeadlineRuleId; key?: string };
    const missed = { ...ledger, [ledgerKey(rule, key)]: 'missed' as const };
    // A quarter's report missed: the next quarter's is owed all the same.
    const following = isQuarterly(rule) && key ? ledgerKey(rule, nextQuarter(key)) : null;
    return following && !(following in missed) ? { ...missed, [following]: 'open' } : missed;
  }
  let next = ledger;
  for (const { fact, opening, key } of deadlineFactsOf(event.type, data)) {
    if (opening.tracked === false || DEADLINE_RULES[fact.rule].nature !== 'duty') continue;
    const at = ledgerKey(fact.rule, key);
    if (!(at in next)) next = { ...next, [at]: 'open' };
  }
  for (const [type, rule] of CLOSED_BY) {
    const at = ledgerKey(rule, keyIn(rule, data));
    if (type === event.type && at in next && next[at] !== 'met') next = { ...next, [at]: 'met' };
  }
  return next;
}
