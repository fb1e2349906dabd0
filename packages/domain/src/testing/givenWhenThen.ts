import { expect } from 'vitest';
import { DomainRefusal, type Rule } from '../shared/rules.js';

interface Decider<C, E, S, X> {
  decide(command: C, state: S, context: X): E[];
  evolve(state: S, event: E): S;
  initialState: S;
  /** What other streams hold when a `when` names no context of its own (a decider without one: none). */
  context?: X;
}

/**
 * given(events).when(command, context?).then(events) / .thenRefuses(rule), for any pure decider; the
 * context stands for what the handler's loader read from other streams.
 */
export function givenWhenThen<C, E, S, X = undefined>(decider: Decider<C, E, S, X>) {
  return (history: readonly E[] = []) => ({
    when(command: C, context?: X) {
      const state = history.reduce((s, e) => decider.evolve(s, e), decider.initialState);
      // Only a decider without context may leave both unset: it is then given `undefined`.
      const run = (): E[] => decider.decide(command, state, (context ?? decider.context) as X);
      return {
        then(expected: readonly E[] | ((events: E[]) => void)): E[] {
          const events = run();
          if (typeof expected === 'function') expected(events);
          else expect(events).toEqual(expected);
          return events;
        },
        thenRefuses(rule: Rule): DomainRefusal {
          let refusal: unknown;
          try {
            run();
          } catch (error) {
            refusal = error;
          }
          expect(refusal).toBeInstanceOf(DomainRefusal);
          expect(refusal).toMatchObject({
            rule: rule.id,
            code: rule.kind === 'forbidden' ? 'ERR_FORBIDDEN' : 'ERR_ILLEGAL_STATE',
          });
          return refusal as DomainRefusal;
        },
      };
    },
  });
}
