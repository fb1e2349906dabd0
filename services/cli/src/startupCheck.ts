import { join } from 'node:path';
import { LEDGER_STREAM, leafHash, type Ledger } from '@dacxa/audit';
import { CorruptEventError, UnboundRowError, type EventStore, type RecordedEvent } from '@dacxa/event-store';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import type { Config } from '@dacxa/runtime';
import { Stop, checkHead, failureLine, type StoreFailure } from './verifyStore.js';

/** The store failed the start-up check: nothing was signed and no command was taken. */
export class StoreCheckError extends Error {
  readonly code = 'ERR_STORE_CHECK';
  constructor(readonly failure: StoreFailure) {
    super(
      `Kho sự kiện không qua kiểm tra khi khởi động nên dacxa không chạy, không ký gốc cây mới. ${failureLine(failure)}. ` +
        'Để điều tra: sao lưu tệp dữ liệu, chạy `dacxa verify-store` để kiểm tra toàn bộ, và ' +
        '`dacxa serve --read-only` (hoặc DACXA_READ_ONLY=true) để đọc mà không nhận lệnh, không ký ' +
        '(the event store failed its start-up check: dacxa did not start and signed nothing; to investigate, ' +
        'back the data up, run `dacxa verify-store` for the full check and `dacxa serve --read-only` to read ' +
        'without commands or signing; see docs/architecture.md)',
    );
    this.name = 'StoreCheckError';
  }
}

/** A promise with its settlers (Promise.withResolvers, which Node 20 lacks); never unhandled. */
function settleable<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * The store as the ledger sees it during the start-up check: the heads it signs wait for the
 * verdict (and are never appended when the check fails), and a read that fails ends the wait.
 */
export function holdLedger(store: EventStore) {
  const verdict = settleable<void>();
  const read = settleable<never>();
  async function* tap(events: AsyncIterable<RecordedEvent>): AsyncGenerator<RecordedEvent> {
    try {
      yield* events;
    } catch (error) {
      read.reject(error);
      throw error;
    }
  }
  const held: EventStore = {
    append: async (stream, events, options) => {
      await verdict.promise;
      return store.append(stream, events, options);
    },
    readStream: (stream, options) => store.readStream(stream, options),
    readAll: (options) => store.readAll(options),
    subscribe: (options) => tap(store.subscribe(options)),
    headRevision: (stream) => store.headRevision(stream),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
  };
  return {
    store: held,
    /** The check passed: heads held so far, and all later, go ahead. */
    release: () => verdict.resolve(),
    /** The check failed: every head held, and any later, is refused with `error`. */
    refuse: (error: Error) => verdict.reject(error),
    /** Resolves once the check passed (and never when it failed). */
    passed: verdict.promise,
    /** Rejects with the error of a read the ledger could not make. */
    readFailed: read.promise,
  };
}

/** The start-up hold on a ledger. */
export type LedgerHold = ReturnType<typeof holdLedger>;

const asFailure = (error: unknown): StoreFailure => {
  if (error instanceof Stop) return error.failure;
  if (error instanceof UnboundRowError)
    return { reason: error.reason, position: error.position, message: error.detail };
  if (error instanceof CorruptEventError)
    return { reason: 'unreadable', position: error.position, message: error.reason };
  throw error;
};

/**
 * What every start checks before anything is signed (docs/architecture.md): on the embedded store,
 * positions run 1…n and the last 10,000 events hash and link back; then, once the ledger has its
 * tree (loaded from its file and checked, or read from the log), every signed head in it against
 * that tree and the key.
 */
export async function checkAtStart(
  config: Config,
  store: EventStore,
  ledger: Ledger,
  hold: LedgerHold,
  publicKeyPem: string,
): Promise<StoreFailure | null> {
  if (config.DACXA_EVENT_STORE === 'sqlite') {
    const file = getSqliteEventStore({ path: join(config.DACXA_DATA_DIR, 'dacxa.sqlite') });
    try {
      const failure = await file.quickCheck();
      if (failure) return { reason: failure.reason, position: failure.position, message: failure.message };
    } finally {
      await file.close();
    }
  }
  try {
    await Promise.race([ledger.caughtUp(24 * 3600_000), hold.readFailed]);
    const rootAt = (size: number) => ledger.root(size);
    for await (const event of store.readStream(LEDGER_STREAM)) {
      if (event.type !== 'TreeHeadSigned') continue;
      checkHead(event, ledger.leafIndexOf(event.position), rootAt, () => publicKeyPem);
    }
    return null;
  } catch (error) {
    return asFailure(error);
  }
}

/**
 * Every leaf of the ledger's tree against the event at its position in the log. A tree loaded from
 * its file was checked only at sampled leaves, so an event rewritten (and its stream re-chained)
 * while the service was stopped would otherwise be signed over; this reads the whole log once.
 */
export async function checkEveryLeaf(store: EventStore, ledger: Ledger): Promise<StoreFailure | null> {
  const size = ledger.size;
  let index = 0;
  try {
    for await (const event of store.readAll()) {
      if (index >= size) break;
      const leaf = leafHash(Buffer.from(event.hash, 'hex')).toString('hex');
      if (ledger.positionAt(index) !== event.position || ledger.leafHashAt(index) !== leaf)
        return {
          reason: 'leaf-mismatch',
          position: event.position,
          message: `leaf ${index} of the stored tree is not the hash of the event at position ${event.position}`,
        };
      index++;
    }
    return null;
  } catch (error) {
    return asFailure(error);
  }
}

/**
 * Runs the start-up check and lets the ledger sign only when it passes. A failure stops the start
 * (StoreCheckError), except read-only, which says so and carries on signing nothing.
 */
export async function checkBeforeServing(
  config: Config,
  opened: { store: EventStore; ledger: Ledger; hold: LedgerHold; publicKeyPem: string },
  readOnly: boolean,
  out: (line: string) => void,
): Promise<{ everyLeaf: Promise<StoreFailure | null> }> {
  const started = Date.now();
  out('Đang kiểm tra kho sự kiện trước khi ký gốc cây mới…');
  const failure = await checkAtStart(config, opened.store, opened.ledger, opened.hold, opened.publicKeyPem);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!failure) {
    out(`Kho sự kiện qua kiểm tra khởi động (${seconds} giây; start-up check passed).`);
  } else {
    opened.hold.refuse(new StoreCheckError(failure));
    if (!readOnly) throw new StoreCheckError(failure);
    out(`Kho sự kiện KHÔNG qua kiểm tra khởi động: ${failureLine(failure)}`);
  }
  if (readOnly)
    out(
      'CHẾ ĐỘ CHỈ ĐỌC: phục vụ việc đọc, từ chối mọi lệnh (503), không ký gốc cây (read-only: no commands, no signing).',
    );
  if (failure) return { everyLeaf: Promise.resolve(failure) };
  // The rest runs while the service already listens: nothing is signed or published until it passes.
  const everyLeaf = checkEveryLeaf(opened.store, opened.ledger).then((late) => {
    if (late) opened.hold.refuse(new StoreCheckError(late));
    else opened.hold.release();
    return late;
  });
  return { everyLeaf };
}
