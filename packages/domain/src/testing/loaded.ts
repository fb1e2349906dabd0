import type { Loaded } from '../catalogue/aggregate.js';

/** Another stream as a context loader serves it: folded from `events`, at the last one's revision. */
export function loaded<S, E>(
  stream: string,
  aggregate: { evolve(state: S, event: E): S; initial: S },
  events: readonly E[],
): Loaded<S> {
  return {
    stream,
    revision: events.length === 0 ? null : events.length - 1,
    state: events.reduce((state, event) => aggregate.evolve(state, event), aggregate.initial),
  };
}
