import {
  PERSON_EVENTS,
  decidePerson,
  evolvePerson,
  initialPersonState,
  readStoredEvent,
  type CommandMeta,
  type DocRef,
  type LegalRef,
  type PersonEvent,
} from '@dacxa/domain';
import type { EventStore, RecordedEvent } from '@dacxa/event-store';
import type { DataKeys } from './dataKeys.js';
import type { Sealer } from './sealer.js';

const personStream = (personId: string): string => `person-${personId}`;
const PERSON_TYPES = new Set<string>(PERSON_EVENTS.map((e) => e.type));

async function personState(store: EventStore, personId: string) {
  let state = initialPersonState;
  let revision: number | null = null;
  for await (const event of store.readStream(personStream(personId))) {
    if (PERSON_TYPES.has(event.type)) state = evolvePerson(state, readStoredEvent(event) as PersonEvent);
    revision = event.revision;
  }
  return { state, revision };
}

/**
 * Erases a person's personal data: records who, when and on what basis, then destroys their data
 * key. The record comes first, so a crash in between leaves an intent that `completeErasures` carries out.
 */
export async function erasePersonalData(
  store: EventStore,
  keys: DataKeys,
  request: {
    personId: string;
    reason: 'RETENTION_ENDED' | 'LAWFUL_ORDER' | 'SUBJECT_REQUEST';
    legalBasis: LegalRef;
    order?: DocRef;
    erasedOn: string;
  },
  meta: CommandMeta,
): Promise<void> {
  const { state, revision } = await personState(store, request.personId);
  const events = decidePerson({ type: 'ErasePersonalData', data: request, meta }, state);
  await store.append(
    personStream(request.personId),
    events.map((e) => ({
      type: e.type,
      data: e.data,
      metadata: { actor: meta.actor, role: meta.role, unit: meta.unit },
    })),
    { expectedRevision: revision ?? 'no_stream' },
  );
  await keys.erase(request.personId, meta.now);
}

/** Destroys the keys of every erasure recorded but not carried out (a crash between the two steps). */
export async function completeErasures(store: EventStore, keys: DataKeys): Promise<number> {
  let completed = 0;
  for await (const event of store.readAll()) {
    if (event.type !== 'PersonalDataErased') continue;
    const personId = (event.data as { personId: string }).personId;
    if ((await keys.lookup(personId)).kind === 'key') {
      await keys.erase(personId, event.recordedAt);
      completed++;
    }
  }
  return completed;
}

/** Everything held about one person, opened for a lawful subject-access request. */
export interface SubjectExport {
  personId: string;
  erased: boolean;
  streams: string[];
  events: RecordedEvent[];
}

/**
 * Subject access: every event recorded about the person (metadata.subject), unsealed, and a record
 * that the export happened, who made it and on which request.
 */
export async function exportSubject(
  store: EventStore,
  sealer: Sealer,
  keys: DataKeys,
  request: { personId: string; request: DocRef; purpose: string; exportedOn: string },
  meta: CommandMeta,
): Promise<SubjectExport> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) {
    if (event.metadata.subject !== request.personId) continue;
    events.push(
      await sealer.unsealEvent(event, { role: 'system', purpose: 'subject-access', inScope: true }),
    );
  }
  const streams = [...new Set(events.map((e) => e.stream))];
  const { state, revision } = await personState(store, request.personId);
  const recorded = decidePerson(
    {
      type: 'RecordSubjectAccessExport',
      data: { ...request, streams: streams.length, events: events.length },
      meta,
    },
    state,
  );
  await store.append(
    personStream(request.personId),
    recorded.map((e) => ({
      type: e.type,
      data: e.data,
      metadata: { actor: meta.actor, role: meta.role, unit: meta.unit },
    })),
    { expectedRevision: revision ?? 'no_stream' },
  );
  return {
    personId: request.personId,
    erased: (await keys.lookup(request.personId)).kind === 'erased',
    streams,
    events,
  };
}
