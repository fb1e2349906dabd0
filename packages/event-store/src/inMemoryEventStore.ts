import { composeEnvelope } from './envelope.js';
import { ConcurrencyError, DuplicateEventIdError, StoreClosedError } from './errors.js';
import { assertExpectedRevision, expectationHolds } from './expectedRevision.js';
import { GENESIS_HASH, chainHash } from './hash.js';
import { Notifier } from './notifier.js';
import { DEFAULT_MAX_EVENT_BYTES, prepareEvents } from './prepareEvents.js';
import { allRange, inRange, streamRange } from './readOptions.js';
import { decodeEnvelope } from './decodeEnvelope.js';
import { assertStreamName } from './streamName.js';
import { catchUpThenLive } from './subscription.js';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from './types.js';

/** A stored row: the canonical envelope text is kept, so readers get fresh copies, as from disk. */
interface Row {
  position: number;
  stream: string;
  revision: number;
  id: string;
  body: string;
  prevHash: string;
  hash: string;
}

export interface InMemoryEventStoreOptions {
  maxEventBytes?: number;
  now?: () => Date;
}

/** An event store held in memory: for tests and for the contract suite's own check of itself. */
export function getInMemoryEventStore(options: InMemoryEventStoreOptions = {}): EventStore {
  const { maxEventBytes = DEFAULT_MAX_EVENT_BYTES, now = () => new Date() } = options;
  const rows: Row[] = [];
  const streams = new Map<string, Row[]>();
  const byId = new Map<string, Row>();
  const notifier = new Notifier();
  const closing = new AbortController();
  let closed = false;

  const assertOpen = (): void => {
    if (closed) throw new StoreClosedError();
  };
  const toRecorded = (row: Row): RecordedEvent => ({
    ...decodeEnvelope(row.body, BigInt(row.position)),
    position: BigInt(row.position),
    prevHash: row.prevHash,
    hash: row.hash,
  });

  function retriedResult(stream: string, ids: readonly string[]): AppendResult | null {
    const first = byId.get(ids[0] ?? '');
    if (!first) return null;
    const written = streams.get(first.stream) ?? [];
    const matches = first.stream === stream && ids.every((id, i) => written[first.revision + i]?.id === id);
    if (!matches) throw new DuplicateEventIdError(stream, first.id);
    const last = written[first.revision + ids.length - 1] as Row;
    return { revision: last.revision, position: BigInt(last.position) };
  }

  return {
    async append(
      stream: string,
      events: readonly NewEvent[],
      options: AppendOptions = {},
    ): Promise<AppendResult> {
      assertOpen();
      assertStreamName(stream);
      const { expectedRevision = 'any' } = options;
      assertExpectedRevision(expectedRevision);
      const recordedAt = now().toISOString();
      const prepared = prepareEvents(events, recordedAt, maxEventBytes);
      const retried = retriedResult(
        stream,
        prepared.map((e) => e.id),
      );
      if (retried) return retried;
      for (const event of prepared) if (byId.has(event.id)) throw new DuplicateEventIdError(stream, event.id);
      const written = streams.get(stream) ?? [];
      const actual = written.length === 0 ? null : written.length - 1;
      if (!expectationHolds(expectedRevision, actual))
        throw new ConcurrencyError(stream, expectedRevision, actual);
      let prevHash = written.at(-1)?.hash ?? GENESIS_HASH;
      for (const event of prepared) {
        const revision = written.length;
        const body = composeEnvelope(event, stream, revision, recordedAt);
        const hash = chainHash(prevHash, body);
        const row: Row = { position: rows.length + 1, stream, revision, id: event.id, body, prevHash, hash };
        rows.push(row);
        written.push(row);
        byId.set(event.id, row);
        prevHash = hash;
      }
      streams.set(stream, written);
      notifier.notify();
      const last = written.at(-1) as Row;
      return { revision: last.revision, position: BigInt(last.position) };
    },

    async *readStream(stream: string, options?: ReadStreamOptions): AsyncGenerator<RecordedEvent> {
      assertOpen();
      assertStreamName(stream);
      const range = streamRange(options);
      const written = streams.get(stream) ?? [];
      const ordered = range.backwards ? [...written].reverse() : written;
      let count = 0;
      for (const row of ordered) {
        if (count >= range.limit) return;
        if (!inRange(range, row.revision)) continue;
        count++;
        yield toRecorded(row);
      }
    },

    async *readAll(options?: ReadAllOptions): AsyncGenerator<RecordedEvent> {
      assertOpen();
      const { after, limit } = allRange(options);
      const end = Math.min(rows.length, Number(after) + limit);
      for (let i = Number(after); i < end; i++) yield toRecorded(rows[i] as Row);
    },

    async *subscribe(options: SubscribeOptions = {}): AsyncGenerator<RecordedEvent> {
      assertOpen();
      const readPage = (after: Position | undefined, limit: number): Promise<RecordedEvent[]> => {
        const start = Number(after ?? 0n);
        return Promise.resolve(rows.slice(start, start + limit).map(toRecorded));
      };
      const signal = options.signal ? AbortSignal.any([options.signal, closing.signal]) : closing.signal;
      yield* catchUpThenLive(readPage, notifier, allRange(options).after, signal);
    },

    async headRevision(stream: string): Promise<number | null> {
      assertOpen();
      assertStreamName(stream);
      const written = streams.get(stream);
      return written ? written.length - 1 : null;
    },

    async headPosition(): Promise<Position | null> {
      assertOpen();
      return rows.length === 0 ? null : BigInt(rows.length);
    },

    async close(): Promise<void> {
      closed = true;
      closing.abort();
    },
  };
}
