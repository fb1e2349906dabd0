import { expect } from 'vitest';
import { DomainRefusal, type Rule } from '../shared/rules.js';

interface Decider<C, E, S> {
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  initialState: S;
}

/** given(events).when(command).then(events) / .thenRefuses(rule), for any pure decider. */
export function givenWhenThen<C, E, S>(decider: Decider<C, E, S>) {
  return (history: readonly E[] = []) => ({
    when(command: C) {
      const state = history.reduce((s, e) => decider.evolve(s, e), decider.initialState);
      const run = (): E[] => decider.decide(command, state);
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
