import type { AppendResult } from '@dacxa/event-store';
import { startWriterThread } from '@dacxa/writer-thread';
import type { AppendWriter, CommitMetrics } from '../groupCommit.js';
import type { AppendRequest } from '../writeAppend.js';
import { decodeAppendError } from './appendCodec.js';

export interface AppendWriterOptions {
  path: string;
  synchronous: 'FULL' | 'NORMAL';
  busyTimeoutMs: number;
}

/** An append as it crosses to the writer: with the time its caller asked (the group takes the latest). */
export interface ThreadedAppend extends AppendRequest {
  recordedAt: string;
}

/**
 * Appends committed on a writer thread: the request thread only queues them and hears back, so a
 * group's fsync no longer stalls the requests that arrive meanwhile. Durability is unchanged: an
 * append resolves once its group is committed, with the same synchronous setting.
 */
export function createThreadedCommit(
  options: AppendWriterOptions,
  now: () => Date,
  afterCommit: () => void,
): AppendWriter {
  const metrics: CommitMetrics = { commits: 0, appends: 0, events: 0 };
  const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  const thread = startWriterThread<ThreadedAppend, AppendResult>({
    entry: new URL(`./appendWorker.${ext}`, import.meta.url),
    workerData: options,
    decodeError: decodeAppendError,
    onReplies(replies) {
      metrics.commits++;
      for (const reply of replies) if (reply.ok) metrics.appends++;
      afterCommit();
    },
  });
  let inFlight: Promise<unknown> = Promise.resolve();
  return {
    metrics,
    enqueue(request: AppendRequest): Promise<AppendResult> {
      const result = thread.call({ ...request, recordedAt: now().toISOString() }).then((r) => {
        metrics.events += request.events.length;
        return r;
      });
      inFlight = result.catch(() => undefined);
      return result;
    },
    async drained(): Promise<void> {
      // Calls are answered in the order they were sent: the last one settled means all did.
      await inFlight;
    },
    close: () => thread.close(),
  };
}
