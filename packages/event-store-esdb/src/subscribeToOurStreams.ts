import { setTimeout as sleep } from 'node:timers/promises';
import {
  START,
  streamNameFilter,
  type AllStreamSubscription,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import type { Position, RecordedEvent } from '@dacxa/event-store';
import { isOurs, toRecorded } from './mapEvents.js';
import { toEsdbPosition } from './position.js';

/** Server-side filter: our `<category>-<id>` streams only, so system events never cross the wire. */
const OUR_STREAMS = streamNameFilter({ regex: '^[a-z][a-z0-9]*-' });
const MAX_BACKOFF_MS = 5_000;

/** Something to tell an operator when a subscription dropped and is being re-established. */
export type DropListener = (error: unknown, resumeAfter: Position | undefined, attempt: number) => void;

/**
 * A catch-up subscription to $all that survives drops: it resubscribes from the last position it
 * delivered, and skips anything at or before that position, so nothing repeats and nothing is lost.
 */
export async function* subscribeToOurStreams(
  client: EventStoreDBClient,
  after: Position | undefined,
  signal: AbortSignal,
  onDrop: DropListener,
): AsyncGenerator<RecordedEvent> {
  let last = after;
  for (let attempt = 0; !signal.aborted; attempt++) {
    const subscription: AllStreamSubscription = client.subscribeToAll({
      fromPosition: last === undefined ? START : toEsdbPosition(last),
      filter: OUR_STREAMS,
    });
    const stop = (): void => void subscription.unsubscribe();
    signal.addEventListener('abort', stop, { once: true });
    try {
      for await (const resolved of subscription) {
        if (!isOurs(resolved)) continue;
        const event = toRecorded(resolved);
        if (last !== undefined && event.position <= last) continue;
        yield event;
        last = event.position;
        attempt = 0;
      }
    } catch (error) {
      if (signal.aborted) return;
      onDrop(error, last, attempt + 1);
      await sleep(Math.min(MAX_BACKOFF_MS, 100 * 2 ** attempt), undefined, { signal }).catch(() => undefined);
    } finally {
      signal.removeEventListener('abort', stop);
      await subscription.unsubscribe().catch(() => undefined);
    }
  }
}
