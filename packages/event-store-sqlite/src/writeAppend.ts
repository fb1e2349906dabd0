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
import type { StreamHeads } from './streamHeads.js';

/** One caller's append, waiting for the next group commit. */
export interface AppendRequest {
  stream: string;
  events: PreparedEvent[];
  expectedRevision: ExpectedRevision;
}

/**
 * Writes one append inside the group's transaction, or throws. A batch of several events runs in
 * a savepoint (the caller's) so a failure part-way writes nothing; a single INSERT is atomic alone.
 * Retries are recognised only on the paths where they show: a failed expectation or a taken id.
 */
export function writeAppend(
  statements: Statements,
  heads: StreamHeads,
  request: AppendRequest,
  recordedAt: string,
): AppendResult {
  const { stream, events, expectedRevision } = request;
  const head = heads.get(stream);
  const actual = head ? head.revision : null;
  if (!expectationHolds(expectedRevision, actual)) {
    const retried = retriedResult(statements, stream, events);
    if (retried) return retried;
    throw new ConcurrencyError(stream, expectedRevision, actual);
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
        statements.insertEvent.run(stream, revision, event.id, event.type, body, prevHash, hash)
          .lastInsertRowid,
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const retried = event === events[0] ? retriedResult(statements, stream, events) : null;
      if (retried) return retried;
      throw new DuplicateEventIdError(stream, event.id);
    }
    prevHash = hash;
  }
  heads.set(stream, { revision, hash: prevHash });
  return { revision, position: BigInt(position) };
}

/** The first result, when every id of the batch is already recorded in order in this stream. */
function retriedResult(statements: Statements, stream: string, events: PreparedEvent[]): AppendResult | null {
  const first = events[0];
  const found = first && statements.eventById.get(first.id);
  if (!found) return null;
  let last: { id: string; position: number } | undefined;
  const matches =
    found.stream === stream &&
    events.every((event, i) => (last = statements.idAt.get(stream, found.revision + i))?.id === event.id);
  if (!matches || !last) throw new DuplicateEventIdError(stream, first.id);
  return { revision: found.revision + events.length - 1, position: BigInt(last.position) };
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
