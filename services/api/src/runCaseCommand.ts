import { decideCase, type CaseCommand } from '@dacxa/domain';
import { ConcurrencyError, type AppendResult, type EventStore } from '@dacxa/event-store';
import type { Sealer } from '@dacxa/protection';
import { loadCase } from './loadCase.js';

/**
 * One command on a case, the event-sourced way: read the stream, open it for processing, fold,
 * decide, append at the revision read. The subject of every event is the case's person.
 */
export async function runCaseCommand(
  store: EventStore,
  sealer: Sealer,
  caseId: string,
  command: CaseCommand,
  /** The revision the caller last saw (If-Match); a mismatch is refused before deciding. */
  expectedRevision?: number,
): Promise<AppendResult> {
  const stream = `case-${caseId}`;
  const { state, events: stored, revision } = await loadCase(store, sealer, caseId);
  const { actor, role, unit, commandId } = command.meta;
  // A retry of a command already recorded (same id from the same actor) returns its first result.
  const earlier = commandId
    ? stored.findLast((e) => e.metadata.commandId === commandId && e.metadata.actor === actor)
    : undefined;
  if (earlier) return { revision: earlier.revision, position: earlier.position };
  if (expectedRevision !== undefined && expectedRevision !== revision) {
    throw new ConcurrencyError(stream, expectedRevision, revision);
  }
  const events = decideCase(command, state);
  const subject =
    state.status === 'none'
      ? (command.data as { person: { personId: string } }).person.personId
      : state.personId;
  return store.append(
    stream,
    events.map((e) => ({
      type: e.type,
      data: e.data,
      occurredAt: command.meta.now,
      metadata: { actor, role, unit, subject, ...(commandId ? { commandId } : {}) },
    })),
    { expectedRevision: revision ?? 'no_stream' },
  );
}
