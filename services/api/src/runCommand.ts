import { eventDefinition, type Aggregate, type Command } from '@dacxa/domain';
import { ConcurrencyError, type AppendResult, type EventStore, type JsonValue } from '@dacxa/event-store';
import type { Sealer } from '@dacxa/protection';
import { loadStream } from './loadStream.js';

/**
 * One command, the event-sourced way: read the stream, open it for processing, fold, decide,
 * append at the revision read. Events carrying a person's data name that person as their subject.
 */
export async function runCommand(
  store: EventStore,
  sealer: Sealer,
  aggregate: Aggregate,
  stream: string,
  command: Command,
  /** The revision the caller last saw (If-Match); a mismatch is refused before deciding. */
  expectedRevision?: number,
): Promise<AppendResult> {
  const { state, events: stored, revision } = await loadStream(store, sealer, aggregate, stream);
  const { actor, role, unit, commandId } = command.meta;
  // A retry of a command already recorded (same id from the same actor) returns its first result.
  const earlier = commandId
    ? stored.findLast((e) => e.metadata.commandId === commandId && e.metadata.actor === actor)
    : undefined;
  if (earlier) return { revision: earlier.revision, position: earlier.position };
  if (expectedRevision !== undefined && expectedRevision !== revision) {
    throw new ConcurrencyError(stream, expectedRevision, revision);
  }
  const events = aggregate.decide(command, state);
  const subject = aggregate.subject(command, state);
  return store.append(
    stream,
    events.map((e) => ({
      type: e.type,
      // Stored with the version of the shape it was decided in, so upcasters apply only to older ones.
      schemaVersion: eventDefinition(e.type)?.version ?? 1,
      data: e.data as JsonValue,
      occurredAt: command.meta.now,
      metadata: { actor, role, unit, ...(subject ? { subject } : {}), ...(commandId ? { commandId } : {}) },
    })),
    { expectedRevision: revision ?? 'no_stream' },
  );
}
