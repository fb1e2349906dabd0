import type { Notifier } from './notifier.js';
import type { Position, RecordedEvent } from './types.js';

/** Reads the next page of the log after a position, in global order. */
export type ReadPage = (after: Position | undefined, limit: number) => Promise<readonly RecordedEvent[]>;

/**
 * Catch-up then live, for stores that can read the log by position: both phases read pages after
 * the last delivered position, so the seam can neither skip nor repeat an event.
 */
export async function* catchUpThenLive(
  readPage: ReadPage,
  notifier: Notifier,
  after: Position | undefined,
  signal: AbortSignal | undefined,
  pageSize = 500,
): AsyncGenerator<RecordedEvent> {
  let last = after;
  while (!signal?.aborted) {
    const version = notifier.version;
    const page = await readPage(last, pageSize);
    for (const event of page) {
      if (signal?.aborted) return;
      yield event;
      last = event.position;
    }
    if (page.length < pageSize) await notifier.waitSince(version, signal);
  }
}
