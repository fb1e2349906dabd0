import { join } from 'node:path';
import type { NewEvent } from '@dacxa/event-store';
import { getSqliteEventStore } from '../src/index.js';
import { visitEvent } from './fixtures.js';
import { openRaw, rawRow } from './rawBaseline.js';
import { median, rate, type Result } from './stats.js';

const SEQUENTIAL = 1_500;
const CALLERS = 64;
const ROUNDS = 60;
const BATCHES = 200;
/** Raw and dacxa alternate, each round on fresh files, so a slow patch of disk hits both alike. */
const REPEATS = 5;

let files = 0;
type Sync = 'FULL' | 'NORMAL';

async function rawRates(dir: string, synchronous: Sync): Promise<{ one: number; hundred: number }> {
  const raw = openRaw(join(dir, `raw-${files++}.sqlite`), synchronous);
  const singles = Array.from({ length: SEQUENTIAL }, (_, i) =>
    rawRow(`case-r${i % 500}`, Math.floor(i / 500), visitEvent(i)),
  );
  const one = await rate(SEQUENTIAL, () => singles.forEach((row) => raw.insertOne(row)));
  const batches = Array.from({ length: BATCHES }, (_, b) =>
    Array.from({ length: 100 }, (_, i) => rawRow(`case-rb${b}`, i, visitEvent(b * 100 + i))),
  );
  const hundred = await rate(BATCHES * 100, () => batches.forEach((rows) => raw.insertMany(rows)));
  raw.db.close();
  return { one, hundred };
}

async function ourRates(
  dir: string,
  synchronous: Sync,
  writerThread = false,
): Promise<{ sequential: number; concurrent: number; batched: number }> {
  const path = join(dir, `dacxa-${files++}.sqlite`);
  const store = getSqliteEventStore({ path, synchronous, writerThread });
  const singles = Array.from({ length: SEQUENTIAL }, (_, i) => visitEvent(i));
  const sequential = await rate(SEQUENTIAL, async () => {
    for (let i = 0; i < SEQUENTIAL; i++) await store.append(`case-s${i % 500}`, [singles[i] as NewEvent]);
  });
  const perCaller = Array.from({ length: ROUNDS }, (_, r) => visitEvent(r));
  const concurrent = await rate(CALLERS * ROUNDS, async () => {
    await Promise.all(
      Array.from({ length: CALLERS }, async (_, c) => {
        for (let r = 0; r < ROUNDS; r++) await store.append(`case-c${c}`, [perCaller[r] as NewEvent]);
      }),
    );
  });
  const batches = Array.from({ length: BATCHES }, (_, b) =>
    Array.from({ length: 100 }, (_, i) => visitEvent(b * 100 + i)),
  );
  const batched = await rate(BATCHES * 100, async () => {
    for (let b = 0; b < BATCHES; b++) await store.append(`case-b${b}`, batches[b] as NewEvent[]);
  });
  await store.close();
  return { sequential, concurrent, batched };
}

/** (a) one event per append, (b) 64 concurrent single-event callers, (c) 100-event batches. */
export async function appendBenchmarks(dir: string, synchronous: Sync = 'FULL'): Promise<Result[]> {
  const raws = [];
  const ours = [];
  const threaded = [];
  for (let i = 0; i < REPEATS; i++) {
    raws.push(await rawRates(dir, synchronous));
    ours.push(await ourRates(dir, synchronous));
    // As `dacxa serve` appends: the group commit on the writer thread.
    threaded.push(await ourRates(dir, synchronous, true));
    const [r, o] = [raws.at(-1), ours.at(-1)];
    if (process.env.BENCH_VERBOSE)
      console.log(
        JSON.stringify({ round: i, raw: r, ours: o }, (_, v: unknown) =>
          typeof v === 'number' ? Math.round(v) : v,
        ),
      );
  }
  const rawOne = median(raws.map((r) => r.one));
  const rawHundred = median(raws.map((r) => r.hundred));
  const common = { unit: 'events/s', better: 'higher' } as const;
  return [
    {
      name: '(a) append 1 event, sequential',
      ours: median(ours.map((r) => r.sequential)),
      baseline: rawOne,
      target: 0.5,
      baselineName: 'raw 1-row txn',
      ...common,
    },
    {
      name: '(b) append 1 event × 64 concurrent callers',
      ours: median(ours.map((r) => r.concurrent)),
      baseline: rawHundred,
      target: 0.5,
      baselineName: 'raw 100-row txn',
      ...common,
    },
    {
      name: '(c) append 100-event batches',
      ours: median(ours.map((r) => r.batched)),
      baseline: rawHundred,
      target: 0.6,
      baselineName: 'raw 100-row txn',
      ...common,
    },
    {
      name: '(b) the same, on the writer thread',
      ours: median(threaded.map((r) => r.concurrent)),
      baseline: rawHundred,
      target: 0.5,
      baselineName: 'raw 100-row txn',
      ...common,
    },
    {
      name: '(c) the same, on the writer thread',
      ours: median(threaded.map((r) => r.batched)),
      baseline: rawHundred,
      target: 0.6,
      baselineName: 'raw 100-row txn',
      ...common,
    },
  ];
}
