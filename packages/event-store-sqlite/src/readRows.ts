import {
  CorruptEventError,
  GENESIS_HASH,
  UnboundRowError,
  decodeEnvelope,
  streamRange,
  type ReadStreamOptions,
  type RecordedEvent,
} from '@dacxa/event-store';
import type { PositionRun } from './positionRun.js';
import type { EventRow, Statements } from './statements.js';

const MAX_REVISION = Number.MAX_SAFE_INTEGER;

/**
 * A stored row as a recorded event. The envelope comes from the hashed bytes; the columns the
 * store also keeps (to find rows by stream, revision and id) must say the same, or a row edited in
 * one column only would be read in a place its hash does not cover.
 */
export function toRecorded(row: EventRow): RecordedEvent {
  const at = BigInt(row[0]);
  const event = decodeEnvelope(row[3], at) as RecordedEvent | null;
  if (typeof event !== 'object' || event === null) throw new CorruptEventError(at, 'not a JSON object');
  if (event.stream !== row[4] || event.revision !== row[5] || event.id !== row[6] || event.type !== row[7])
    throw unbound(at, event, row);
  event.position = at;
  event.prevHash = row[1];
  event.hash = row[2];
  return event;
}

function unbound(at: bigint, event: RecordedEvent, row: EventRow): UnboundRowError {
  const [, , , , stream, revision, id, type] = row;
  const columns = `${stream}@${revision} ${id} ${type}`;
  const envelope = `${String(event.stream)}@${String(event.revision)} ${String(event.id)} ${String(event.type)}`;
  return new UnboundRowError(at, 'column-mismatch', `columns say ${columns}, the envelope ${envelope}`);
}

type LinkReason = 'revision-gap' | 'broken-link' | 'out-of-order';
const refuse = (at: RecordedEvent, reason: LinkReason, why: string): UnboundRowError =>
  new UnboundRowError(at.position, reason, `${at.stream}@${at.revision}: ${why}`);

/** Refuses `later` unless it follows `earlier` in their stream (read order aside). */
function assertFollows(earlier: RecordedEvent, later: RecordedEvent): void {
  if (later.revision !== earlier.revision + 1)
    throw refuse(later, 'revision-gap', `revision ${earlier.revision + 1} is missing`);
  if (later.prevHash !== earlier.hash)
    throw refuse(later, 'broken-link', 'prevHash is not the previous event’s hash');
  if (later.position <= earlier.position)
    throw refuse(later, 'out-of-order', `position ${later.position} is not after ${earlier.position}`);
}

/** Refuses `event` unless it runs on from `previous`, the row read just before it in `step`'s direction. */
function assertRunsOn(event: RecordedEvent, previous: RecordedEvent | undefined, step: 1 | -1): void {
  if (event.revision === 0 && event.prevHash !== GENESIS_HASH)
    throw refuse(event, 'broken-link', 'the first event of a stream must chain from 64 zeros');
  // The later of the two is the row that does not follow.
  if (previous) {
    if (step === 1) assertFollows(previous, event);
    else assertFollows(event, previous);
  }
}

/** One stream's events in the requested direction and range, a checked page at a time. */
export function* readStreamPages(
  statements: Statements,
  run: PositionRun,
  stream: string,
  options: ReadStreamOptions | undefined,
  pageSize: number,
): Generator<RecordedEvent[]> {
  const range = streamRange(options);
  const statement = range.backwards ? statements.backwards : statements.forwards;
  const step = range.backwards ? -1 : 1;
  let from = range.from ?? (range.backwards ? MAX_REVISION : 0);
  const to = range.to ?? (range.backwards ? 0 : MAX_REVISION);
  let left = range.limit;
  let previous: RecordedEvent | undefined;
  while (left > 0) {
    const rows = statement.all(stream, from, to, Math.min(pageSize, left)) as EventRow[];
    const page = rows.map((row) => {
      const event = toRecorded(row);
      run.assertInRun(row[0]);
      // Forwards, the first row must be the one asked for: a missing one is a gap, not a start.
      if (!previous && step === 1 && event.revision !== from)
        throw new UnboundRowError(event.position, 'revision-gap', `${stream}: revision ${from} is missing`);
      assertRunsOn(event, previous, step);
      return (previous = event);
    });
    if (page.length > 0) yield page;
    if (rows.length < pageSize) return;
    left -= rows.length;
    from = (rows.at(-1) as EventRow)[5] + step;
  }
}

/** Up to `limit` events of the log after `after`, checked to run on from it without a gap. */
export function readLogPage(
  statements: Statements,
  run: PositionRun,
  after: number,
  limit: number,
): RecordedEvent[] {
  run.assertNothingBelowOne();
  const rows = statements.all.all(after, limit) as EventRow[];
  let previous = after;
  return rows.map((row) => {
    run.assertFollows(row[0], previous);
    previous = row[0];
    return toRecorded(row);
  });
}
