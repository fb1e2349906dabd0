// pnpm bench: the event store's figures beside raw better-sqlite3 in the same run (docs/benchmarks.md).
// BENCH_EVENTS sets the size of the read benchmarks (1,000,000 by default); BENCH_ONLY=reads or
// BENCH_ONLY=writes runs half.
import { rmSync } from 'node:fs';
import { appendBenchmarks } from './appendBenchmarks.js';
import { benchDir } from './fixtures.js';
import { readBenchmarks } from './readBenchmarks.js';
import { printTable } from './stats.js';
import { subscriptionBenchmark } from './subscriptionBenchmark.js';

const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const only = process.env.BENCH_ONLY;
const dir = benchDir();
try {
  console.log(`dacxa event-store benchmarks — Node ${process.version}, files in ${dir}`);
  if (only !== 'reads') {
    printTable('Appends, synchronous=FULL (the default)', await appendBenchmarks(dir, 'FULL'));
    printTable('Appends, synchronous=NORMAL (no fsync per commit)', await appendBenchmarks(dir, 'NORMAL'));
    printTable('Subscriptions, synchronous=FULL', await subscriptionBenchmark(dir));
  }
  if (only !== 'writes') {
    printTable(`Reads over ${events.toLocaleString('en-US')} events`, await readBenchmarks(dir, events));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
