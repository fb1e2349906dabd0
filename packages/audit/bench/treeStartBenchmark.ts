// npx tsx packages/audit/bench/treeStartBenchmark.ts: how long a ledger takes to start on a log of
// 1,000,000 events (BENCH_EVENTS) with 1,000 signed heads — loading its saved tree file and reading
// only what follows it, beside rebuilding the tree from the whole log in the same run.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { getSqliteEventStore, openTreeFile } from '@dacxa/event-store-sqlite';
import { createLedger, createTreeHeadSigner, generateSigningKey } from '../src/index.js';
import { fillSignedLog } from './signedLog.js';

const total = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'dacxa-tree-bench-'));
const signer = createTreeHeadSigner(generateSigningKey());
const file = join(dir, 'dacxa.sqlite');
const treeFile = join(dir, 'ledger-tree.sqlite');
const logger = pino({ level: 'warn' });

/** Seconds from `start()` until the ledger has read the log as it stood, and the root it then has. */
async function start(withTree: boolean): Promise<{ seconds: number; root: string }> {
  const events = getSqliteEventStore({ path: file });
  const tree = withTree ? { tree: openTreeFile(treeFile) } : {};
  const ledger = createLedger({ events, signer, signEveryMs: 3_600_000, logger, ...tree });
  const started = performance.now();
  ledger.start();
  await ledger.caughtUp(600_000);
  const seconds = (performance.now() - started) / 1000;
  const root = ledger.root(ledger.size);
  await ledger.stop();
  await events.close();
  return { seconds, root };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
try {
  await fillSignedLog(file, total, signer);
  const rebuilt = [await start(false), await start(false), await start(false)];
  const firstRun = await start(true); // no tree file yet: rebuilt from the log once, and saved
  const loaded = [await start(true), await start(true), await start(true)];
  if (new Set([...rebuilt, firstRun, ...loaded].map((r) => r.root)).size !== 1)
    throw new Error('the roots differ');
  const rebuild = median(rebuilt.map((r) => r.seconds));
  const load = median(loaded.map((r) => r.seconds));
  const s = (x: number) => `${x.toFixed(2)} s`;
  process.stdout.write(
    [
      '',
      `Ledger start on ${total.toLocaleString('en-US')} events (tree file ${Math.round(statSync(treeFile).size / 2 ** 20)} MiB), median of 3:`,
      '',
      '| benchmark | dacxa | baseline (same run) | ratio | target | |',
      '| --- | ---: | ---: | ---: | ---: | --- |',
      `| ledger start, tree file loaded | ${s(load)} | ${s(rebuild)} (tree rebuilt from the log) | ${(rebuild / load).toFixed(1)}× faster | ≤ 2 s | ${load <= 2 ? 'met' : 'missed'} |`,
      `| first start, no tree file (rebuilt and saved) | ${s(firstRun.seconds)} | ${s(rebuild)} | ${(firstRun.seconds / rebuild).toFixed(2)} | | |`,
      '',
    ].join('\n'),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
