import { describe, expect, it } from 'vitest';
import type { EventStore, Position, RecordedEvent } from '../types.js';
import { readAllOf, someEvents, uniqueToken } from './harness.js';

const WRITERS = 10;
const EVENTS_PER_WRITER = 20;

/** Reads a subscription until `want` events of the test's streams arrived, then stops it. */
async function take(
  store: EventStore,
  after: Position | undefined,
  token: string,
  want: number,
): Promise<RecordedEvent[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 20_000);
  const got: RecordedEvent[] = [];
  for await (const event of store.subscribe({
    signal: controller.signal,
    ...(after === undefined ? {} : { after }),
  })) {
    if (!event.stream.includes(token)) continue;
    got.push(event);
    if (got.length === want) controller.abort();
  }
  clearTimeout(timer);
  return got;
}

/** Catch-up, live delivery and the seam between them, under concurrent writers. */
export function subscribeContract(store: () => EventStore): void {
  describe('subscribe', () => {
    it('delivers every event exactly once, in global order, from the start, the middle and the end, while 10 writers append', async () => {
      const token = uniqueToken();
      await store().append(`case-${token}-seed`, someEvents(10));
      const seed = await readAllOf(store(), token);
      const middle = seed[4]!.position;
      const end = (await store().headPosition()) ?? undefined;
      const total = 10 + WRITERS * EVENTS_PER_WRITER;

      const writers = Array.from({ length: WRITERS }, async (_, w) => {
        for (let i = 0; i < EVENTS_PER_WRITER; i++) {
          await store().append(`case-${token}-w${w}`, someEvents(1, i));
          if (i % 5 === 0) await new Promise((r) => setTimeout(r, 1));
        }
      });
      // Subscriptions start while the writers run, so some catch up and then cross the seam live.
      const [fromStart, fromMiddle, fromEnd] = await Promise.all([
        take(store(), undefined, token, total),
        take(store(), middle, token, total - 5),
        take(store(), end, token, WRITERS * EVENTS_PER_WRITER),
        ...writers,
      ]);
      const log = await readAllOf(store(), token);
      expect(log).toHaveLength(total);
      const ids = (events: RecordedEvent[] | undefined): string[] => (events ?? []).map((e) => e.id);
      expect(ids(fromStart)).toEqual(ids(log));
      expect(ids(fromMiddle)).toEqual(ids(log.slice(5)));
      expect(ids(fromEnd)).toEqual(ids(log.slice(10)));
    });

    it('ends when its signal aborts', async () => {
      const controller = new AbortController();
      const iterator = store().subscribe({
        signal: controller.signal,
        after: (await store().headPosition()) ?? 0n,
      });
      const done = (async () => {
        for await (const event of iterator) void event;
        return 'ended';
      })();
      setTimeout(() => controller.abort(), 20);
      await expect(done).resolves.toBe('ended');
    });
  });
}
