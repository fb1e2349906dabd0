import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkChunk, type ChunkResult, type ChunkTask } from './verifyChunk.js';

/** Bytes of events.ndjson per run of lines a worker checks at once. */
export const RUN_BYTES = 4 * 1024 * 1024;
/** Below this, the lines are checked on the caller's thread: starting workers would cost more. */
const SMALL = 16 * 1024 * 1024;

/** The byte offsets of runs of whole lines of a file, about `runBytes` each. */
export function* runsOf(file: string, runBytes = RUN_BYTES): Generator<[start: number, end: number]> {
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  const window = Buffer.allocUnsafe(64 * 1024);
  try {
    for (let start = 0; start < size;) {
      let end = Math.min(start + runBytes, size);
      for (let at = end; end < size; at += window.length) {
        const n = readSync(fd, window, 0, window.length, at);
        const newline = window.subarray(0, n).indexOf(10);
        if (newline >= 0 || n === 0) {
          end = newline >= 0 ? at + newline + 1 : size;
          break;
        }
      }
      yield [start, end];
      start = end;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * A verifier worker. From this TypeScript source (tsx, vitest) the worker first registers tsx's
 * loader, then imports its module: a loader given in execArgv comes too late for a worker's entry.
 */
function startWorker(): Worker {
  const entry = new URL('./verifyWorker.ts', import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./verifyWorker.js', import.meta.url));
  const api = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const code = `import(${JSON.stringify(pathToFileURL(api).href)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(code, { eval: true });
}

type Reply = { id: number; result?: ChunkResult; error?: string };

/**
 * The results of checking every run of a file's lines, in the file's order: on worker threads
 * across the cores for a large file, at most two runs ahead per worker (memory stays flat), else
 * on this thread. The consumer may stop at any run; the workers are then ended.
 */
export async function* checkRuns(
  base: Omit<ChunkTask, 'start' | 'end'>,
  options: { workers?: number; runBytes?: number } = {},
): AsyncGenerator<ChunkResult> {
  const runs = runsOf(base.file, options.runBytes);
  const count = options.workers ?? (statSync(base.file).size < SMALL ? 0 : availableParallelism());
  if (count < 1) {
    for (const [start, end] of runs) yield checkChunk({ ...base, start, end });
    return;
  }
  const workers = Array.from({ length: count }, startWorker);
  const waiting = new Map<number, { resolve: (reply: Reply) => void; reject: (err: Error) => void }>();
  const done = new Map<number, Reply>();
  let failure: Error | null = null;
  for (const worker of workers) {
    worker.on('message', (reply: Reply) => {
      const waiter = waiting.get(reply.id);
      if (waiter) waiter.resolve(reply);
      else done.set(reply.id, reply);
    });
    worker.on('error', (err) => {
      failure = err;
      for (const waiter of waiting.values()) waiter.reject(err);
    });
  }
  const reply = (id: number) =>
    new Promise<Reply>((resolve, reject) => {
      const ready = done.get(id);
      if (ready) return resolve(ready);
      if (failure) return reject(failure);
      waiting.set(id, { resolve, reject });
    });
  let sent = 0;
  const send = () => {
    const next = runs.next();
    if (next.done) return false;
    const [start, end] = next.value;
    workers[sent % count]?.postMessage({ id: sent, task: { ...base, start, end } });
    sent++;
    return true;
  };
  try {
    while (sent < count * 2 && send());
    for (let id = 0; id < sent; id++) {
      const { result, error } = await reply(id);
      done.delete(id);
      waiting.delete(id);
      if (error || !result) throw new Error(error ?? 'a verifier worker sent nothing');
      send();
      yield result;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
