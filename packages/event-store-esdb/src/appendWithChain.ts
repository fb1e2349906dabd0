import {
  FORWARDS,
  NO_STREAM,
  WrongExpectedVersionError,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import {
  ConcurrencyError,
  DuplicateEventIdError,
  GENESIS_HASH,
  chainHash,
  composeEnvelope,
  expectationHolds,
  type AppendResult,
  type ExpectedRevision,
  type HashedEnvelope,
  type PreparedEvent,
  type RecordedEvent,
} from '@dacxa/event-store';
import { toEventData } from './mapEvents.js';
import { fromEsdbPosition } from './position.js';
import { readEsdbStream, readRecent } from './readHelpers.js';

/** How many of a stream's latest events are searched for a retried batch under 'any' or 'exists'. */
const RETRY_WINDOW = 32;
/** How often an 'any' or 'exists' append re-reads the head after losing a race. */
const MAX_RACES = 10;

/**
 * Appends under the chain: prevHash comes from the stream head, and the write is made at exactly the
 * revision that head was read at, so EventStoreDB itself refuses it if anyone wrote in between.
 */
export async function appendWithChain(
  client: EventStoreDBClient,
  stream: string,
  events: PreparedEvent[],
  expected: ExpectedRevision,
  recordedAt: string,
): Promise<AppendResult> {
  for (let race = 0; ; race++) {
    const recent = await readRecent(client, stream, Math.max(RETRY_WINDOW, events.length));
    const head = recent[0] ?? null;
    const retried = await retriedResult(client, stream, events, expected, recent);
    if (retried) return retried;
    const actual = head ? head.revision : null;
    if (!expectationHolds(expected, actual)) throw new ConcurrencyError(stream, expected, actual);
    let prevHash = head?.hash ?? GENESIS_HASH;
    const data = events.map((event, i) => {
      const body = composeEnvelope(event, stream, (actual ?? -1) + 1 + i, recordedAt);
      const hash = chainHash(prevHash, body);
      const eventData = toEventData(JSON.parse(body) as HashedEnvelope, prevHash, hash);
      prevHash = hash;
      return eventData;
    });
    try {
      const result = await client.appendToStream(stream, data, {
        expectedRevision: actual === null ? NO_STREAM : BigInt(actual),
      });
      if (!result.position) throw new Error('EventStoreDB did not return the append position');
      return { revision: Number(result.nextExpectedRevision), position: fromEsdbPosition(result.position) };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const now = error.actualVersion === NO_STREAM ? null : Number(error.actualVersion);
      if (typeof expected === 'number' || expected === 'no_stream' || race >= MAX_RACES) {
        throw new ConcurrencyError(stream, expected, now);
      }
    }
  }
}

/** The first result of a batch already written, found among the stream's latest events. */
async function retriedResult(
  client: EventStoreDBClient,
  stream: string,
  events: PreparedEvent[],
  expected: ExpectedRevision,
  recent: RecordedEvent[],
): Promise<AppendResult | null> {
  const written =
    typeof expected === 'number' && (recent[0]?.revision ?? -1) > expected
      ? await collectForwards(client, stream, expected + 1, events.length)
      : [...recent].reverse();
  const ids = new Map(written.map((event, i) => [event.id, i]));
  const start = ids.get(events[0]?.id ?? '');
  if (start === undefined) {
    const repeated = events.find((event) => ids.has(event.id));
    if (repeated) throw new DuplicateEventIdError(stream, repeated.id);
    return null;
  }
  const matching = events.every((event, i) => written[start + i]?.id === event.id);
  const last = written[start + events.length - 1];
  if (!matching || !last) throw new DuplicateEventIdError(stream, events[0]?.id ?? '');
  return { revision: last.revision, position: last.position };
}

async function collectForwards(
  client: EventStoreDBClient,
  stream: string,
  from: number,
  count: number,
): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  const options = { direction: FORWARDS, fromRevision: BigInt(from), maxCount: count } as const;
  for await (const event of readEsdbStream(client, stream, options)) out.push(event);
  return out;
}
