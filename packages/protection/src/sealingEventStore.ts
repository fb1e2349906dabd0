import type { Logger } from 'pino';
import type { AppendOptions, AppendResult, EventStore, NewEvent } from '@dacxa/event-store';
import type { Sealer } from './sealer.js';

/**
 * An event store that seals every personal field before the inner store sees it, so hashes,
 * chains and proofs cover only sealed bytes. Reads return events as stored (sealed); readers open
 * them through the sealer with their role and purpose.
 */
export function getSealingEventStore(inner: EventStore, sealer: Sealer, logger?: Logger): EventStore {
  const log = logger?.child({ component: 'sealing-store' });
  return {
    async append(
      stream: string,
      events: readonly NewEvent[],
      options?: AppendOptions,
    ): Promise<AppendResult> {
      const sealed = await Promise.all(events.map((event) => sealer.sealEvent(event)));
      const result = await inner.append(stream, sealed, options);
      log?.debug({ stream, events: events.length, revision: result.revision }, 'events sealed and appended');
      return result;
    },
    readStream: (stream, options) => inner.readStream(stream, options),
    readAll: (options) => inner.readAll(options),
    subscribe: (options) => inner.subscribe(options),
    headRevision: (stream) => inner.headRevision(stream),
    headPosition: () => inner.headPosition(),
    close: () => inner.close(),
  };
}
