import { readStoredEvent, type Aggregate } from '@dacxa/domain';
import type { EventStore, RecordedEvent } from '@dacxa/event-store';
import type { Sealer } from '@dacxa/protection';

const PROCESSING = { role: 'system', purpose: 'processing', inScope: true } as const;

/** An aggregate folded from its stream, with the stored events it was folded from. */
export interface LoadedStream {
  state: unknown;
  events: RecordedEvent[];
  /** The last revision read, or null when the stream does not exist. */
  revision: number | null;
}

/**
 * Reads an aggregate's stream, opens each event for processing and folds it; with `until`, stops
 * at the first event that does not pass (the aggregate as it stood on a date).
 */
export async function loadStream(
  store: EventStore,
  sealer: Sealer,
  aggregate: Aggregate,
  stream: string,
  until: (event: RecordedEvent) => boolean = () => true,
): Promise<LoadedStream> {
  let state = aggregate.initial;
  const events: RecordedEvent[] = [];
  for await (const stored of store.readStream(stream)) {
    if (!until(stored)) break;
    state = aggregate.evolve(state, readStoredEvent(await sealer.unsealEvent(stored, PROCESSING)));
    events.push(stored);
  }
  return { state, events, revision: events.at(-1)?.revision ?? null };
}
