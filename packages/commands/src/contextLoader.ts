import { AGGREGATES, type AggregateStates, type ContextLoader, type Loaded } from '@dacxa/domain';
import type { EventStore } from '@dacxa/event-store';
import type { Sealer } from '@dacxa/protection';
import type { GrantIndex } from './grantIndex.js';
import { loadAggregate } from './loadAggregate.js';

/** A stream a decision rested on, at the revision read: recorded in the events it produced. */
export interface RestedOn {
  stream: string;
  revision: number | null;
}

/** A context loader over the log that remembers every stream and revision it served. */
export interface RecordingLoader extends ContextLoader<AggregateStates> {
  readonly restsOn: RestedOn[];
}

type Loaders = { [K in keyof AggregateStates]: (stream: string) => Promise<Loaded<AggregateStates[K]>> };

export function createContextLoader(store: EventStore, sealer: Sealer, grants: GrantIndex): RecordingLoader {
  const fold =
    <S>(load: (stream: string) => Promise<{ state: S; revision: number | null }>) =>
    async (stream: string): Promise<Loaded<S>> => {
      const { state, revision } = await load(stream);
      return { stream, revision, state };
    };
  const loaders: Loaders = {
    case: fold((s) => loadAggregate(store, sealer, AGGREGATES.case, s)),
    plan: fold((s) => loadAggregate(store, sealer, AGGREGATES.plan, s)),
    task: fold((s) => loadAggregate(store, sealer, AGGREGATES.task, s)),
    report: fold((s) => loadAggregate(store, sealer, AGGREGATES.report, s)),
    oversight: fold((s) => loadAggregate(store, sealer, AGGREGATES.oversight, s)),
    round: fold((s) => loadAggregate(store, sealer, AGGREGATES.round, s)),
    dossier: fold((s) => loadAggregate(store, sealer, AGGREGATES.dossier, s)),
    'org-units': fold((s) => loadAggregate(store, sealer, AGGREGATES['org-units'], s)),
    // An empty stream folds to no publication: the built-in calendar (calendarAsKnownOn).
    calendar: fold((s) => loadAggregate(store, sealer, AGGREGATES.calendar, s)),
    correction: fold((s) => loadAggregate(store, sealer, AGGREGATES.correction, s)),
    'subject-request': fold((s) => loadAggregate(store, sealer, AGGREGATES['subject-request'], s)),
    'loan-list': fold((s) => loadAggregate(store, sealer, AGGREGATES['loan-list'], s)),
    'vbsp-rates': fold((s) => loadAggregate(store, sealer, AGGREGATES['vbsp-rates'], s)),
    'establishment-loan': fold((s) => loadAggregate(store, sealer, AGGREGATES['establishment-loan'], s)),
    breach: fold((s) => loadAggregate(store, sealer, AGGREGATES.breach, s)),
  };
  const restsOn: RestedOn[] = [];
  const rest = (on: RestedOn) => {
    if (!restsOn.some((r) => r.stream === on.stream)) restsOn.push(on);
  };
  return {
    restsOn,
    async grantsOf(personId) {
      const answer = await grants.grantsOf(personId);
      answer.restsOn.forEach(rest);
      return answer.grants;
    },
    async eventAt(kind, id, revision) {
      const stream = `${kind}-${id}`;
      let found: { type: string; version: number; data: unknown } | null = null;
      let last: number | null = null;
      for await (const stored of store.readStream(stream)) {
        last = stored.revision;
        if (stored.revision !== revision) continue;
        // Opened for processing, as a decider sees any stream: corrections check its real fields.
        const event = await sealer.unsealEvent(stored, {
          role: 'system',
          purpose: 'processing',
          inScope: true,
        });
        found = { type: event.type, version: event.schemaVersion, data: event.data };
      }
      rest({ stream, revision: last });
      return found;
    },
    async load(kind, id) {
      const loaded = await loaders[kind](`${kind}-${id}`);
      rest({ stream: loaded.stream, revision: loaded.revision });
      return loaded;
    },
  };
}
