import { parentPort, workerData } from 'node:worker_threads';
import { errorData, type FromWriter, type Outcome, type ToWriter } from './protocol.js';

/**
 * Inside a writer thread: `handle` gets every request that arrived while the last batch was being
 * written, in arrival order, and answers each (one transaction, one fsync for all of them). While
 * the thread blocks in a commit, the next requests queue on its port: the busier the service, the
 * larger each group, without a timer.
 */
export function serveWriter<R, T>(handle: (batch: R[]) => Outcome<T>[], close: () => void): void {
  const port = parentPort;
  if (!port) throw new Error('serveWriter runs inside a worker thread');
  let queue: Array<{ id: number; request: R }> = [];
  let scheduled = false;
  let closing = false;

  const flush = (): void => {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length > 0) {
      const outcomes = handle(batch.map((item) => item.request));
      const reply: FromWriter<T> = {
        replies: batch.map((item, i) => ({ ...(outcomes[i] as Outcome<T>), id: item.id })),
      };
      port.postMessage(reply);
    }
    if (closing) {
      close();
      port.postMessage({ closed: true } satisfies FromWriter<T>);
      port.close();
    }
  };

  port.on('message', (message: ToWriter<R>) => {
    if ('close' in message) closing = true;
    else queue.push(message);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
}

/** The options the request thread started this writer with. */
export const writerOptions = <O>(): O => workerData as O;

/**
 * A writer whose requests need no answer but done or an error: `group` runs a batch and gives an
 * error (or null) per request; a failure of the whole group fails each of its requests.
 */
export function serveWrites<R>(group: (batch: R[]) => unknown[], close: () => void): void {
  serveWriter<R, null>((batch) => {
    try {
      return group(batch).map((error) =>
        error ? { ok: false, error: errorData(error) } : { ok: true, value: null },
      );
    } catch (error) {
      return batch.map(() => ({ ok: false, error: errorData(error) }));
    }
  }, close);
}
