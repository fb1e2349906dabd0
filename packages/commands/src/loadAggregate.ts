import { eventDefinition, readStoredEvent, type DomainAggregate } from '@dacxa/domain';
import type { Command, DomainEvent } from '@dacxa/domain';
import type { EventStore, RecordedEvent } from '@dacxa/event-store';
import type { Sealer } from '@dacxa/protection';
import type { AggregateCache } from './aggregateCache.js';

const PROCESSING = { role: 'system', purpose: 'processing', inScope: true } as const;

/** An aggregate folded from its stream, with the stored events it was folded from. */
export interface LoadedAggregate<S> {
  state: S;
  events: RecordedEvent[];
  /** The last revision read, or null when the stream does not exist. */
  revision: number | null;
}

/** Whether a parsed event belongs to the aggregate: the registry says which stream holds each type. */
function ownedBy<E extends DomainEvent>(kind: string, event: DomainEvent): event is E {
  return eventDefinition(event.type)?.aggregate === kind;
}

/**
 * Reads an aggregate's stream, opens each event for processing, upcasts it and folds it; with
 * `until`, stops at the first event that does not pass (the aggregate as it stood on a date).
 * An event of another aggregate's type in the stream is refused, never folded.
 */
export async function loadAggregate<C extends Command, E extends DomainEvent, S, X>(
  store: EventStore,
  sealer: Sealer,
  aggregate: DomainAggregate<C, E, S, X>,
  stream: string,
  until: (event: RecordedEvent) => boolean = () => true,
): Promise<LoadedAggregate<S>> {
  let state = aggregate.initial;
  const events: RecordedEvent[] = [];
  for await (const stored of store.readStream(stream)) {
    if (!until(stored)) break;
    const event = readStoredEvent(await sealer.unsealEvent(stored, PROCESSING));
    if (!ownedBy<E>(aggregate.kind, event)) {
      throw new Error(`${stream}@${stored.revision}: ${event.type} is not an event of ${aggregate.kind}`);
    }
    state = aggregate.evolve(state, event);
    events.push(stored);
  }
  return { state, events, revision: events.at(-1)?.revision ?? null };
}

/**
 * The aggregate as it stands now, through the cache: the events after the cached revision are
 * read, opened and folded onto the cached state; without an entry, the whole stream. The result
 * is what `loadAggregate` gives (the cache holds it for the next command).
 */
export async function loadCurrentAggregate<C extends Command, E extends DomainEvent, S, X>(
  store: EventStore,
  sealer: Sealer,
  aggregate: DomainAggregate<C, E, S, X>,
  stream: string,
  cache: AggregateCache | undefined,
): Promise<LoadedAggregate<S>> {
  const erasures = sealer.erasures();
  const cached = cache?.get(stream, aggregate.kind, erasures);
  if (!cache || !cached) {
    const loaded = await loadAggregate(store, sealer, aggregate, stream);
    if (cache && loaded.revision !== null)
      cache.set(stream, { kind: aggregate.kind, ...loaded, revision: loaded.revision, erasures });
    return loaded;
  }
  let state = cached.state as S;
  const added: RecordedEvent[] = [];
  for await (const stored of store.readStream(stream, { from: cached.revision + 1 })) {
    const event = readStoredEvent(await sealer.unsealEvent(stored, PROCESSING));
    if (!ownedBy<E>(aggregate.kind, event)) {
      throw new Error(`${stream}@${stored.revision}: ${event.type} is not an event of ${aggregate.kind}`);
    }
    state = aggregate.evolve(state, event);
    added.push(stored);
  }
  if (added.length === 0) return { state, events: cached.events, revision: cached.revision };
  const events = [...cached.events, ...added];
  const revision = (added.at(-1) as RecordedEvent).revision;
  cache.set(stream, { kind: aggregate.kind, state, events, revision, erasures });
  return { state, events, revision };
}
