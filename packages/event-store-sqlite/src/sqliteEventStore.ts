import Database from 'better-sqlite3';
import {
  DEFAULT_MAX_EVENT_BYTES,
  Notifier,
  StoreClosedError,
  allRange,
  assertExpectedRevision,
  assertStreamName,
  catchUpThenLive,
  prepareEvents,
  type AppendOptions,
  type AppendResult,
  type ChainFailure,
  type EventStore,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from '@dacxa/event-store';
import { createGroupCommit, type CommitMetrics } from './groupCommit.js';
import { createThreadedCommit } from './writer/threadedCommit.js';
import { createPositionRun } from './positionRun.js';
import { quickCheck } from './quickCheck.js';
import { readLogPage, readStreamPages } from './readRows.js';
import { migrate } from './schema.js';
import { prepareStatements } from './statements.js';
import { watchOtherWriters } from './watchOtherWriters.js';

export interface SqliteEventStoreOptions {
  /** The database file; created with its folder's permission when absent. */
  path: string;
  /**
   * FULL (default): an acknowledged append survives power loss. NORMAL: faster; in WAL mode a power
   * cut can lose the last acknowledged transactions, though the file stays consistent.
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** Limit on one event's data in canonical JSON bytes; 1 MiB by default. */
  maxEventBytes?: number;
  /** How often to look for appends made by other processes on the same file; 250 ms by default. */
  pollIntervalMs?: number;
  /** How long a write waits for another process's lock before failing; 5 s by default. */
  busyTimeoutMs?: number;
  now?: () => Date;
  /**
   * Commit appends on a writer thread of their own (false by default; `dacxa serve` turns it on):
   * the group commit's fsync then blocks that thread, not the one serving requests.
   */
  writerThread?: boolean;
}

/** The SQLite event store: the port, plus what only this adapter offers. */
export interface SqliteEventStore extends EventStore {
  readonly path: string;
  /** Commits, appends and events written by this instance since it opened. */
  metrics(): Readonly<CommitMetrics>;
  /**
   * What a start can afford: positions run 1…n, and the last `tail` events (10,000 by default)
   * hash and link back. Null when that holds; `dacxa verify-store` checks everything.
   */
  quickCheck(tail?: number): Promise<ChainFailure | null>;
}

const PAGE = 1000;

/** Opens (creating or migrating) a SQLite event store in WAL mode. */
export function getSqliteEventStore(options: SqliteEventStoreOptions): SqliteEventStore {
  const { path, synchronous = 'FULL', maxEventBytes = DEFAULT_MAX_EVENT_BYTES } = options;
  const { pollIntervalMs = 250, busyTimeoutMs = 5000, now = () => new Date() } = options;
  const db = new Database(path, { timeout: busyTimeoutMs });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const statements = prepareStatements(db);
  const run = createPositionRun(statements);
  const notifier = new Notifier();
  const closing = new AbortController();
  const afterCommit = (): void => notifier.notify();
  const writer = options.writerThread
    ? createThreadedCommit({ path, synchronous, busyTimeoutMs }, now, afterCommit)
    : createGroupCommit(db, statements, now, afterCommit);
  const watcher = watchOtherWriters(db, notifier, pollIntervalMs);
  let closed = false;

  const assertOpen = (): void => {
    if (closed) throw new StoreClosedError();
  };
  const readPage = (after: Position | undefined, limit: number): Promise<RecordedEvent[]> =>
    Promise.resolve(closed ? [] : readLogPage(statements, run, Number(after ?? 0n), limit));

  const store: SqliteEventStore = {
    path,
    metrics: () => ({ ...writer.metrics }),
    quickCheck(tail = 10_000): Promise<ChainFailure | null> {
      assertOpen();
      return quickCheck(store, () => run.assertWhole(), tail);
    },

    async append(
      stream: string,
      events: readonly NewEvent[],
      appendOptions: AppendOptions = {},
    ): Promise<AppendResult> {
      assertOpen();
      assertStreamName(stream);
      const { expectedRevision = 'any' } = appendOptions;
      assertExpectedRevision(expectedRevision);
      const prepared = prepareEvents(events, now().toISOString(), maxEventBytes);
      return writer.enqueue({ stream, events: prepared, expectedRevision });
    },

    async *readStream(stream: string, readOptions?: ReadStreamOptions): AsyncGenerator<RecordedEvent> {
      assertOpen();
      assertStreamName(stream);
      for (const page of readStreamPages(statements, run, stream, readOptions, PAGE)) {
        yield* page;
        assertOpen();
      }
    },

    async *readAll(readOptions?: ReadAllOptions): AsyncGenerator<RecordedEvent> {
      assertOpen();
      let { after, limit } = allRange(readOptions);
      while (limit > 0) {
        const page = readLogPage(statements, run, Number(after), Math.min(PAGE, limit));
        yield* page;
        if (page.length < PAGE) return;
        after = (page.at(-1) as RecordedEvent).position;
        limit -= page.length;
        assertOpen();
      }
    },

    async *subscribe(subscribeOptions: SubscribeOptions = {}): AsyncGenerator<RecordedEvent> {
      assertOpen();
      const { signal } = subscribeOptions;
      const stop = signal ? AbortSignal.any([signal, closing.signal]) : closing.signal;
      watcher.start();
      yield* catchUpThenLive(readPage, notifier, allRange(subscribeOptions).after, stop, PAGE);
    },

    async headRevision(stream: string): Promise<number | null> {
      assertOpen();
      assertStreamName(stream);
      return statements.streamHead.get(stream)?.revision ?? null;
    },

    async headPosition(): Promise<Position | null> {
      assertOpen();
      const { position } = statements.headPosition.get() ?? { position: null };
      return position === null ? null : BigInt(position);
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await writer.drained();
      await writer.close();
      watcher.stop();
      closing.abort();
      db.close();
    },
  };
  return store;
}
