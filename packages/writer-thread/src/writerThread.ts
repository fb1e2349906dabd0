import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FromWriter, ToWriter } from './protocol.js';

/** The request thread's end of a writer: each call resolves once the writer has committed it. */
export interface WriterThread<R, T> {
  call(request: R): Promise<T>;
  /** Requests sent and not yet answered. */
  pending(): number;
  /** Lets the queued requests commit, then stops the thread. */
  close(): Promise<void>;
}

/** The writer stopped without being closed: what every waiting and later call is refused with. */
export class WriterThreadStoppedError extends Error {
  readonly code = 'ERR_WRITER_STOPPED';
  constructor(reason: string) {
    super(`the writer thread stopped: ${reason}`);
    this.name = 'WriterThreadStoppedError';
  }
}

export interface WriterThreadOptions {
  /** The worker's module: it calls serveWriter. A `.ts` entry is loaded through tsx. */
  entry: URL;
  workerData: unknown;
  /** Rebuilds a store's typed error from the data the writer answered with. */
  decodeError: (data: unknown) => Error;
  /** After each committed batch, before its callers hear: one call per transaction. */
  onReplies?: (replies: ReadonlyArray<{ ok: boolean }>) => void;
}

/**
 * From TypeScript source (tsx, vitest) the worker registers tsx's loader first, then imports its
 * module: a loader given in execArgv comes too late for a worker's entry.
 */
function startWorker(entry: URL, workerData: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  const api = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const code = `import(${JSON.stringify(pathToFileURL(api).href)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(code, { eval: true, workerData });
}

/** Starts a writer thread. It holds the process open only while a request waits for it. */
export function startWriterThread<R, T>(options: WriterThreadOptions): WriterThread<R, T> {
  const worker = startWorker(options.entry, options.workerData);
  worker.unref();
  const waiting = new Map<number, { resolve(value: T): void; reject(error: unknown): void }>();
  let nextId = 0;
  let stopped: Error | null = null;
  let closed: Promise<void> | null = null;

  const settle = (count: number): void => {
    if (count > 0 && waiting.size === 0) worker.unref();
  };
  const fail = (error: Error): void => {
    stopped ??= error;
    const all = [...waiting.values()];
    waiting.clear();
    for (const w of all) w.reject(error);
  };

  worker.on('message', (message: FromWriter<T>) => {
    if ('closed' in message) return;
    options.onReplies?.(message.replies);
    for (const reply of message.replies) {
      const w = waiting.get(reply.id);
      if (!w) continue;
      waiting.delete(reply.id);
      if (reply.ok) w.resolve(reply.value);
      else w.reject(options.decodeError(reply.error));
    }
    settle(message.replies.length);
  });
  worker.on('error', (error) => fail(new WriterThreadStoppedError(error.message)));
  worker.on('exit', (code) => fail(new WriterThreadStoppedError(`exit code ${code}`)));

  return {
    call(request: R): Promise<T> {
      if (stopped) return Promise.reject(stopped);
      if (closed) return Promise.reject(new WriterThreadStoppedError('closed'));
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        if (waiting.size === 0) worker.ref();
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, request } satisfies ToWriter<R>);
      });
    },
    pending: () => waiting.size,
    close(): Promise<void> {
      closed ??= stopped
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            worker.ref();
            worker.once('exit', () => resolve());
            worker.postMessage({ close: true } satisfies ToWriter<R>);
          });
      return closed;
    },
  };
}
