import {
  decideCase,
  evolveCase,
  initialCaseState,
  readStoredEvent,
  type CaseCommand,
  type CaseEvent,
} from '@dacxa/domain';
import { ConcurrencyError, type AppendResult, type EventStore } from '@dacxa/event-store';
import type { Sealer } from '@dacxa/protection';

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
  let state = initialCaseState;
  let revision: number | null = null;
  let earlier: AppendResult | undefined;
  const { actor, role, unit, commandId } = command.meta;
  for await (const stored of store.readStream(stream)) {
    // A retry of a command already recorded (same id from the same actor) returns its first result.
    if (commandId && stored.metadata.commandId === commandId && stored.metadata.actor === actor) {
      earlier = { revision: stored.revision, position: stored.position };
    }
    const opened = await sealer.unsealEvent(stored, { role: 'system', purpose: 'processing', inScope: true });
    state = evolveCase(state, readStoredEvent(opened) as CaseEvent);
    revision = stored.revision;
  }
  if (earlier) return earlier;
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
