import type { RecordedEvent } from '@dacxa/event-store';

/** An aggregate as last folded by a command: the next one reads only the events after it. */
export interface CachedAggregate {
  kind: string;
  state: unknown;
  events: RecordedEvent[];
  revision: number;
  /** The sealer's erasure count when it was folded: opened data from before an erasure is dropped. */
  erasures: number;
}

/**
 * Folded aggregates remembered between commands, least recently used first out. Each use still
 * reads the stream from the revision after the cached one, so an append by any process is seen;
 * what a cache adds is not re-reading, re-opening and re-folding the events already folded — the
 * largest cost of a steady-state command (a visit on a case with a history: 35% of the request
 * thread). The state holds data opened for processing; it lives no longer than the data keys
 * DataKeys itself keeps, and any erasure in this process empties the cache.
 */
export function createAggregateCache(max = 2_000) {
  const entries = new Map<string, CachedAggregate>();
  return {
    get(stream: string, kind: string, erasures: number): CachedAggregate | undefined {
      const entry = entries.get(stream);
      if (!entry) return undefined;
      if (entry.erasures !== erasures) {
        entries.clear();
        return undefined;
      }
      if (entry.kind !== kind) return undefined;
      // Touched: last out.
      entries.delete(stream);
      entries.set(stream, entry);
      return entry;
    },
    set(stream: string, entry: CachedAggregate): void {
      entries.delete(stream);
      if (entries.size >= max) entries.delete(entries.keys().next().value as string);
      entries.set(stream, entry);
    },
    get size(): number {
      return entries.size;
    },
  };
}

export type AggregateCache = ReturnType<typeof createAggregateCache>;
