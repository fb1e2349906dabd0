import { BACKWARDS, END, EventStoreDBClient, FORWARDS, START } from '@eventstore/db-client';
import {
  DEFAULT_MAX_EVENT_BYTES,
  StoreClosedError,
  allRange,
  assertExpectedRevision,
  assertStreamName,
  inRange,
  prepareEvents,
  streamRange,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from '@dacxa/event-store';
import { appendWithChain } from './appendWithChain.js';
import { isOurs, toRecorded } from './mapEvents.js';
import { toEsdbPosition } from './position.js';
import { readEsdbStream, readRecent } from './readHelpers.js';
import { subscribeToOurStreams, type DropListener } from './subscribeToOurStreams.js';
import { esdbConnectionString } from './connectionString.js';

export interface EsdbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false` or `kurrentdb://…`, or a cluster's gossip seeds. */
  connectionString: string;
  /** Limit on one event's data; the server's MaxAppendSize must leave room for it (see infra/). */
  maxEventBytes?: number;
  /** Told when a subscription drops and resubscribes; log it. */
  onSubscriptionDrop?: DropListener;
  now?: () => Date;
}

/** The event store on EventStoreDB / KurrentDB. */
export function getEsdbEventStore(options: EsdbEventStoreOptions): EventStore {
  const { connectionString, maxEventBytes = DEFAULT_MAX_EVENT_BYTES, now = () => new Date() } = options;
  const { onSubscriptionDrop = () => undefined } = options;
  const client = EventStoreDBClient.connectionString(esdbConnectionString(connectionString));
  const closing = new AbortController();
  const assertOpen = (): void => {
    if (closing.signal.aborted) throw new StoreClosedError();
  };

  return {
    async append(
      stream: string,
      events: readonly NewEvent[],
      appendOptions: AppendOptions = {},
    ): Promise<AppendResult> {
      assertOpen();
      assertStreamName(stream);
      const { expectedRevision = 'any' } = appendOptions;
      assertExpectedRevision(expectedRevision);
      const recordedAt = now().toISOString();
      const prepared = prepareEvents(events, recordedAt, maxEventBytes);
      return appendWithChain(client, stream, prepared, expectedRevision, recordedAt);
    },

    async *readStream(stream: string, readOptions?: ReadStreamOptions): AsyncGenerator<RecordedEvent> {
      assertOpen();
      assertStreamName(stream);
      const range = streamRange(readOptions);
      const fromRevision = range.from === undefined ? (range.backwards ? END : START) : BigInt(range.from);
      const direction = range.backwards ? BACKWARDS : FORWARDS;
      const maxCount = range.limit === Number.MAX_SAFE_INTEGER ? undefined : range.limit;
      let count = 0;
      for await (const event of readEsdbStream(client, stream, {
        direction,
        fromRevision,
        ...(maxCount && { maxCount }),
      })) {
        if (count >= range.limit || !inRange(range, event.revision)) return;
        count++;
        yield event;
      }
    },

    async *readAll(readOptions?: ReadAllOptions): AsyncGenerator<RecordedEvent> {
      assertOpen();
      const { after, limit } = allRange(readOptions);
      const fromPosition = readOptions?.after === undefined ? START : toEsdbPosition(after);
      let count = 0;
      for await (const resolved of client.readAll({ direction: FORWARDS, fromPosition })) {
        if (!isOurs(resolved)) continue;
        const event = toRecorded(resolved);
        if (readOptions?.after !== undefined && event.position <= after) continue;
        if (count++ >= limit) return;
        yield event;
      }
    },

    async *subscribe(subscribeOptions: SubscribeOptions = {}): AsyncGenerator<RecordedEvent> {
      assertOpen();
      const { signal } = subscribeOptions;
      const stop = signal ? AbortSignal.any([signal, closing.signal]) : closing.signal;
      yield* subscribeToOurStreams(client, subscribeOptions.after, stop, onSubscriptionDrop);
    },

    async headRevision(stream: string): Promise<number | null> {
      assertOpen();
      assertStreamName(stream);
      return (await readRecent(client, stream, 1))[0]?.revision ?? null;
    },

    async headPosition(): Promise<Position | null> {
      assertOpen();
      for await (const resolved of client.readAll({ direction: BACKWARDS, fromPosition: END })) {
        if (isOurs(resolved)) return toRecorded(resolved).position;
      }
      return null;
    },

    async close(): Promise<void> {
      if (closing.signal.aborted) return;
      closing.abort();
      await client.dispose();
    },
  };
}
