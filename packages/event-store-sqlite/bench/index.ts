// pnpm bench: the event store's figures beside raw better-sqlite3 in the same run (docs/benchmarks.md).
import { rmSync } from 'node:fs';
import { appendBenchmarks } from './appendBenchmarks.js';
import { benchDir } from './fixtures.js';
import { printTable } from './stats.js';

const dir = benchDir();
try {
  console.log(`dacxa event-store benchmarks — Node ${process.version}, files in ${dir}`);
  printTable('Appends, synchronous=FULL (the default)', await appendBenchmarks(dir, 'FULL'));
  printTable('Appends, synchronous=NORMAL (no fsync per commit)', await appendBenchmarks(dir, 'NORMAL'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
