import { DEADLINE_RULES, type DeadlineRule, type DomainEvent } from '@dacxa/domain';
import type { RecordedEvent } from '@dacxa/event-store';

/** A step met on time but entered after its deadline: the entry is late, not the act. */
export interface LateEntry {
  rule: string;
  /** The deadline as recorded when it opened. */
  dueOn: string;
  /** The day the step was taken, as the command says. */
  actOn: string;
}

type Data = Record<string, unknown>;

/** A field of an event's data by dotted path (`minutes.date`), as a string, if it is one. */
function field(data: Data, path: string): string | undefined {
  let value: unknown = data;
  for (const part of path.split('.'))
    value = typeof value === 'object' && value !== null ? (value as Data)[part] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/**
 * The duties (DEADLINE_RULES) that the new events meet on time but that are entered only after
 * their due date: each needs a stated reason. A step taken late is the domain's own `late` flag,
 * not a late entry; a window (complaints) is not a duty and is never a late entry.
 */
export function lateEntries(
  decided: readonly DomainEvent[],
  before: readonly RecordedEvent[],
  enteredOn: string,
): LateEntry[] {
  const found: LateEntry[] = [];
  for (const [id, rule] of Object.entries(DEADLINE_RULES) as Array<[string, DeadlineRule]>) {
    if (rule.nature !== 'duty') continue;
    for (const event of decided) {
      const closing = rule.closes.find((c) => c.event === event.type);
      if (!closing) continue;
      const data = event.data as Data;
      const actOn = field(data, closing.on);
      if (!actOn) continue;
      const dueOn = dueFor(rule, data, event.type, before);
      if (dueOn && actOn <= dueOn && enteredOn > dueOn) found.push({ rule: id, dueOn, actOn });
    }
  }
  return found;
}

/** The due date recorded by the latest opening of `rule` that this closing event answers. */
function dueFor(rule: DeadlineRule, data: Data, type: string, before: readonly RecordedEvent[]) {
  for (const opening of rule.opens) {
    // An opening that records no date (a supervisor's first quarter) leaves it to the one that does.
    if (!opening.recorded) continue;
    // A step that opens and meets its deadline at once (the quarterly report) carries its own.
    if (opening.event === type) return field(data, opening.recorded);
    for (const earlier of [...before].reverse()) {
      if (earlier.type !== opening.event) continue;
      const opened = earlier.data as Data;
      if (opening.key && field(opened, opening.key) !== field(data, opening.key)) continue;
      return field(opened, opening.recorded);
    }
  }
  return undefined;
}
