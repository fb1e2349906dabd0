import {
  ConcurrencyError,
  DuplicateEventIdError,
  GENESIS_HASH,
  chainHash,
  composeEnvelope,
  expectationHolds,
  type AppendResult,
  type ExpectedRevision,
  type PreparedEvent,
} from '@dacxa/event-store';
import type { Statements } from './statements.js';

/** One caller's append, waiting for the next group commit. */
export interface AppendRequest {
  stream: string;
  events: PreparedEvent[];
  expectedRevision: ExpectedRevision;
}

/**
 * Writes one append inside the group's transaction (the caller wraps it in a savepoint), or throws
 * having written nothing. A batch whose ids are all recorded at the head of this stream is a retry:
 * the first result is returned instead.
 */
export function writeAppend(
  statements: Statements,
  request: AppendRequest,
  recordedAt: string,
): AppendResult {
  const { stream, events, expectedRevision } = request;
  const retried = retriedResult(statements, stream, events);
  if (retried) return retried;
  const head = statements.streamHead.get(stream);
  const actual = head ? head.revision : null;
  if (!expectationHolds(expectedRevision, actual))
    throw new ConcurrencyError(stream, expectedRevision, actual);

  let streamId = head?.stream_id;
  if (streamId === undefined) {
    streamId = Number(statements.insertStream.run(stream, -1, GENESIS_HASH).lastInsertRowid);
  }
  let revision = actual ?? -1;
  let prevHash = head?.hash ?? GENESIS_HASH;
  let position = 0;
  for (const event of events) {
    revision++;
    const body = composeEnvelope(event, stream, revision, recordedAt);
    const hash = chainHash(prevHash, body);
    try {
      position = Number(
        statements.insertEvent.run(streamId, revision, event.id, event.type, body, prevHash, hash)
          .lastInsertRowid,
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateEventIdError(stream, event.id);
      throw error;
    }
    prevHash = hash;
  }
  statements.updateStream.run(revision, prevHash, streamId);
  return { revision, position: BigInt(position) };
}

function retriedResult(statements: Statements, stream: string, events: PreparedEvent[]): AppendResult | null {
  const first = events[0];
  const found = first && statements.eventById.get(first.id);
  if (!found) return null;
  const head = statements.streamHead.get(stream);
  let last: { id: string; position: number } | undefined;
  const matches =
    head?.stream_id === found.stream_id &&
    events.every(
      (event, i) => (last = statements.idAt.get(found.stream_id, found.revision + i))?.id === event.id,
    );
  if (!matches || !last) throw new DuplicateEventIdError(stream, first.id);
  return { revision: found.revision + events.length - 1, position: BigInt(last.position) };
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
