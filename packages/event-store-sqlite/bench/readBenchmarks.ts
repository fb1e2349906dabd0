import type { RecordedEvent } from '@dacxa/event-store';
import { STREAM_LENGTH, fillOurs, fillRaw } from './fillStores.js';
import { percentile, type Result } from './stats.js';

const SAMPLES = 2_000;

/** readStream latency for a 50-event stream among `events`, and readAll throughput over all of them. */
export async function readBenchmarks(dir: string, events: number): Promise<Result[]> {
  const store = await fillOurs(dir, events);
  const raw = fillRaw(dir, events);
  const streams = events / STREAM_LENGTH;

  const ours: number[] = [];
  const rawTimes: number[] = [];
  const readRaw = (stream: string): void => {
    const started = performance.now();
    const parsed = (raw.byStream.all(stream) as string[]).map((body) => JSON.parse(body) as unknown);
    rawTimes.push(performance.now() - started);
    if (parsed.length !== STREAM_LENGTH) throw new Error(`short raw read of ${stream}`);
  };
  const readOurs = async (stream: string): Promise<void> => {
    const started = performance.now();
    const read: RecordedEvent[] = [];
    for await (const event of store.readStream(stream)) read.push(event);
    ours.push(performance.now() - started);
    if (read.length !== STREAM_LENGTH) throw new Error(`short read of ${stream}`);
  };
  // Alternating which side goes first keeps one side's garbage from landing in the other's timing.
  for (let i = 0; i < SAMPLES; i++) {
    const stream = `case-${Math.floor(Math.random() * streams)}`;
    if (i % 2 === 0) {
      readRaw(stream);
      await readOurs(stream);
    } else {
      await readOurs(stream);
      readRaw(stream);
    }
  }

  let started = performance.now();
  let rawCount = 0;
  for (const row of raw.all.iterate(0, Number.MAX_SAFE_INTEGER) as Iterable<[number, string]>) {
    JSON.parse(row[1]);
    rawCount++;
  }
  const rawAll = rawCount / ((performance.now() - started) / 1000);
  started = performance.now();
  let ourCount = 0;
  for await (const event of store.readAll()) if (event.position > 0n) ourCount++;
  const ourAll = ourCount / ((performance.now() - started) / 1000);
  if (ourCount !== events || rawCount !== events)
    throw new Error(`readAll read ${ourCount} / ${rawCount} of ${events}`);

  await store.close();
  raw.db.close();
  const latency = {
    unit: 'ms',
    better: 'lower',
    target: 2,
    baselineName: 'raw SELECT + JSON.parse',
  } as const;
  return [
    {
      name: `readStream p50, 50 events among ${events.toLocaleString('en-US')}`,
      ours: percentile(ours, 50),
      baseline: percentile(rawTimes, 50),
      ...latency,
    },
    {
      name: `readStream p99, 50 events among ${events.toLocaleString('en-US')}`,
      ours: percentile(ours, 99),
      baseline: percentile(rawTimes, 99),
      ...latency,
    },
    {
      name: `readAll over ${events.toLocaleString('en-US')} events, parsed`,
      ours: ourAll,
      baseline: rawAll,
      unit: 'events/s',
      better: 'higher',
      target: 0.5,
      baselineName: 'raw iterate + JSON.parse',
    },
  ];
}
