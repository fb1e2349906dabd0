import type { ContextLoader, Loaded, PersonGrant } from '../catalogue/aggregate.js';
import { AGGREGATES, type AggregateStates } from '../catalogue/aggregates.js';
import type { DomainEvent } from '../shared/defineEvent.js';

type States = AggregateStates;
interface Fold<S> {
  evolve(state: S, event: DomainEvent): S;
  initial: S;
}
// The registry's folds, typed per kind (each aggregate's evolve reads only its own events).
const FOLDS = AGGREGATES as unknown as { [K in keyof States]: Fold<States[K]> };

/** A stream of an in-memory log as a context loader serves it: folded, at its last revision. */
function loadFrom<K extends keyof States>(
  streams: ReadonlyMap<string, readonly DomainEvent[]>,
  kind: K,
  id: string,
): Loaded<States[K]> {
  const stream = `${kind}-${id}`;
  const events = streams.get(stream) ?? [];
  const fold = FOLDS[kind];
  return {
    stream,
    revision: events.length === 0 ? null : events.length - 1,
    state: events.reduce((state, event) => fold.evolve(state, event), fold.initial),
  };
}

/**
 * A context loader over an in-memory log, as the handler's is over the store: any stream by kind
 * and id, and a person's grants from the dossiers granted (dated by their round's grant decision).
 */
export function logLoader(streams: ReadonlyMap<string, readonly DomainEvent[]>): ContextLoader<States> {
  return {
    load: async (kind, id) => loadFrom(streams, kind, id),
    async grantsOf(personId) {
      const grants: PersonGrant[] = [];
      for (const stream of streams.keys()) {
        if (!stream.startsWith('dossier-')) continue;
        const dossier = loadFrom(streams, 'dossier', stream.slice('dossier-'.length)).state;
        if (dossier.status !== 'granted' || dossier.person.personId !== personId) continue;
        const grantedOn = loadFrom(streams, 'round', dossier.roundId).state.grantedOn;
        if (grantedOn !== null)
          grants.push({ roundId: dossier.roundId, dossierId: dossier.dossierId, grantedOn });
      }
      return grants;
    },
  };
}
