import type { Aggregate } from '../catalogue/aggregate.js';
import type { Command } from '../shared/command.js';
import type { DomainEvent } from '../shared/defineEvent.js';
import {
  decideDeadlineMissed,
  type DeadlineMissedEvent,
  type RecordDeadlineMissed,
} from './decideDeadlineMissed.js';
import { foldDeadlineLedger, type DeadlineLedger } from './deadlineLedger.js';
import {
  DEADLINE_MISSED_EVENTS,
  DEADLINE_MISSED_TYPES,
  recordDeadlineMissed,
  type DeadlineHolder,
} from './deadlineMissed.js';

/** An aggregate's state with the ledger of its stream's duties beside it. */
export type Ledgered<S> = S & { deadlineLedger: DeadlineLedger };

const RECORD = 'RecordDeadlineMissed';

/**
 * An aggregate that also keeps its duties' ledger and takes the clock's `RecordDeadlineMissed`,
 * decided from that ledger alone (the rule table says what opens and meets each duty), so every
 * holder refuses a second miss, or one already met, the same way. Its own decider never sees it.
 */
export function withDeadlineLedger<C extends Command, E extends DomainEvent, S extends object, X, St>(
  aggregate: Aggregate<C, E, S, X, St>,
  holder: DeadlineHolder,
): Aggregate<C | RecordDeadlineMissed, E | DeadlineMissedEvent, Ledgered<S>, X, St> {
  const event = DEADLINE_MISSED_EVENTS[holder];
  const isRecord = (command: C | RecordDeadlineMissed): command is RecordDeadlineMissed =>
    command.type === RECORD;
  return {
    ...aggregate,
    commands: [...aggregate.commands, recordDeadlineMissed(holder)],
    initial: { ...aggregate.initial, deadlineLedger: {} },
    // The ledger alone decides a miss: it loads nothing, so it gets no context.
    ...(aggregate.context
      ? {
          context: (command, state, loader) =>
            isRecord(command)
              ? Promise.resolve(undefined as X)
              : (aggregate.context?.(command, state, loader) ?? Promise.resolve(undefined as X)),
        }
      : {}),
    decide: (command, state, ctx) =>
      isRecord(command)
        ? decideDeadlineMissed(command, state.deadlineLedger, event)
        : aggregate.decide(command, state, ctx),
    evolve: (state, e) => {
      const deadlineLedger = foldDeadlineLedger(state.deadlineLedger, e);
      if (DEADLINE_MISSED_TYPES.includes(e.type)) return { ...state, deadlineLedger };
      return { ...aggregate.evolve(state, e as E), deadlineLedger };
    },
  };
}
