import { join } from 'node:path';
import { getSqliteEventStore } from '../src/index.js';
import { visitEvent } from './fixtures.js';
import { percentile, type Result } from './stats.js';

const WRITERS = 8;
const PER_WRITER = 400;

/**
 * Delivery lag: from a writer's append call to a live subscriber holding the event, beside the
 * time the writer itself waits for its commit (the floor any subscriber is measured against).
 */
export async function subscriptionBenchmark(dir: string): Promise<Result[]> {
  const store = getSqliteEventStore({ path: join(dir, 'dacxa-subscribe.sqlite') });
  const calledAt = new Map<string, number>();
  const commitWaits: number[] = [];
  const lags: number[] = [];
  const controller = new AbortController();
  const total = WRITERS * PER_WRITER;
  const subscriber = (async () => {
    for await (const event of store.subscribe({ signal: controller.signal })) {
      lags.push(performance.now() - (calledAt.get(event.id) ?? Number.NaN));
      if (lags.length === total) controller.abort();
    }
  })();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < PER_WRITER; i++) {
        const id = crypto.randomUUID();
        const started = performance.now();
        calledAt.set(id, started);
        await store.append(`case-w${w}`, [{ ...visitEvent(i), id }]);
        commitWaits.push(performance.now() - started);
      }
    }),
  );
  await subscriber;
  await store.close();
  return [
    {
      name: `subscription delivery p99, ${WRITERS} writers appending`,
      ours: percentile(lags, 99),
      baseline: percentile(commitWaits, 99),
      unit: 'ms',
      better: 'lower',
      target: 1.5,
      baselineName: 'writer’s own commit wait p99',
    },
  ];
}
