import type { Command } from '../shared/command.js';
import type { EventOf } from '../shared/defineEvent.js';
import { localDateAt } from '../shared/localDate.js';
import { defineRule, ensure } from '../shared/rules.js';
import { ledgerKey, type DeadlineLedger } from './deadlineLedger.js';
import type { DEADLINE_MISSED_EVENTS, DeadlineHolder } from './deadlineMissed.js';
import type { DeadlineRuleId } from './deadlineRules.js';

/** What `RecordDeadlineMissed` carries, on every holder. */
export interface DeadlineMissedData {
  rule: DeadlineRuleId;
  key?: string | undefined;
  dueOn: string;
  detectedOn: string;
}

/** The clock's command on a stream that holds duties. */
export type RecordDeadlineMissed = Command<'RecordDeadlineMissed', DeadlineMissedData>;
/** The event it records, on whichever holder. */
export type DeadlineMissedEvent = EventOf<(typeof DEADLINE_MISSED_EVENTS)[DeadlineHolder]>;

/** The refusals of `RecordDeadlineMissed`, each named in the problem a caller gets. */
export const DEADLINE_MISSED_RULES = {
  bySystem: defineRule({
    id: 'deadline.missed-by-system',
    kind: 'forbidden',
    vi: 'Chỉ hệ thống ghi nhận quá thời hạn, theo thời hạn tính từ các dữ kiện đã ghi',
    en: 'Only the system records a missed deadline, from the due date its recorded facts give',
  }),
  notOpened: defineRule({
    id: 'deadline.not-opened',
    kind: 'illegal-state',
    vi: 'Hồ sơ không có thời hạn này',
    en: 'The record has no such deadline',
  }),
  alreadyMissed: defineRule({
    id: 'deadline.already-missed',
    kind: 'illegal-state',
    vi: 'Đã ghi nhận quá thời hạn này',
    en: 'The deadline is already recorded missed',
  }),
  alreadyMet: defineRule({
    id: 'deadline.already-met',
    kind: 'illegal-state',
    vi: 'Thời hạn này đã được thực hiện',
    en: 'The deadline was met',
  }),
  notPassed: defineRule({
    id: 'deadline.not-passed',
    kind: 'illegal-state',
    vi: 'Thời hạn chưa qua vào ngày ghi nhận',
    en: 'The deadline had not passed on the day detected',
  }),
} as const;

/**
 * Records that a stream's duty passed unmet, once: only the system, only for a duty opened and
 * neither met nor already recorded missed, detected after its due date and not after today.
 */
export function decideDeadlineMissed(
  command: RecordDeadlineMissed,
  ledger: DeadlineLedger,
  event: (typeof DEADLINE_MISSED_EVENTS)[DeadlineHolder],
): DeadlineMissedEvent[] {
  const R = DEADLINE_MISSED_RULES;
  const { rule, key, dueOn, detectedOn } = command.data;
  ensure(command.meta.role === 'system', R.bySystem, command.meta.role);
  const status = ledger[ledgerKey(rule, key)];
  ensure(status !== 'missed', R.alreadyMissed, ledgerKey(rule, key));
  ensure(status !== 'met', R.alreadyMet, ledgerKey(rule, key));
  ensure(status === 'open', R.notOpened, ledgerKey(rule, key));
  ensure(detectedOn > dueOn && detectedOn <= localDateAt(command.meta.now), R.notPassed, dueOn);
  const data = key ? { rule, key, dueOn, detectedOn } : { rule, dueOn, detectedOn };
  // The command's schema (the holder's duties only) has parsed `rule`; the event's is the same one.
  return [{ type: event.type, data }];
}
