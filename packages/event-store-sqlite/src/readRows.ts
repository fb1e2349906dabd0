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
  const statement = range.backwards ? statements.backwards : statements.forwards;
  const step = range.backwards ? -1 : 1;
  let from = range.from ?? (range.backwards ? MAX_REVISION : 0);
  const to = range.to ?? (range.backwards ? 0 : MAX_REVISION);
  let left = range.limit;
  while (left > 0) {
    const rows = statement.all(stream, from, to, Math.min(pageSize, left)) as EventRow[];
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    left -= rows.length;
    from = ((rows.at(-1) as EventRow)[4] ?? 0) + step;
  }
}
