import { decodeEnvelope, streamRange, type ReadStreamOptions, type RecordedEvent } from '@dacxa/event-store';
import type { EventRow, Statements } from './statements.js';

const MAX_REVISION = Number.MAX_SAFE_INTEGER;

/** A stored row as a recorded event; the envelope comes from the hashed bytes, not the columns. */
export function toRecorded(row: EventRow): RecordedEvent {
  const position = BigInt(row[0]);
  const event = decodeEnvelope(row[3], position) as RecordedEvent;
  event.position = position;
  event.prevHash = row[1];
  event.hash = row[2];
  return event;
}

/** The rows of one stream in the requested direction and range, a page at a time. */
export function* readStreamPages(
  statements: Statements,
  stream: string,
  options: ReadStreamOptions | undefined,
  pageSize: number,
): Generator<EventRow[]> {
  const range = streamRange(options);
  const head = statements.streamHead.get(stream);
  if (!head) return;
  let left = range.limit;
  // Backwards reads start at the head at most, so each page steps exactly one revision per row.
  let from = range.backwards ? Math.min(range.from ?? MAX_REVISION, head.revision) : (range.from ?? 0);
  const to = range.to ?? (range.backwards ? 0 : MAX_REVISION);
  const statement = range.backwards ? statements.backwards : statements.forwards;
  while (left > 0) {
    const rows = statement.all(stream, from, to, Math.min(pageSize, left)) as EventRow[];
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    left -= rows.length;
    from += range.backwards ? -rows.length : rows.length;
  }
}
