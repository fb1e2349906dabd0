// pnpm bench (read models): rebuild every view from the log, beside the log's own readAll rate.
// BENCH_EVENTS sets the log's size (1,000,000 by default).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import { ALL_PROJECTIONS, createProjectionEngine } from '@dacxa/read-models';
import { getSqliteDocumentStore } from '../src/index.js';
import { caseEvents, taskEvents } from './syntheticLog.js';

const target = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'dacxa-rebuild-'));
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
try {
  const events = getSqliteEventStore({ path: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
  let written = 0;
  let cases = 0;
  while (written < target) {
    const batch = Array.from({ length: 100 }, () => {
      const n = cases++;
      const stream =
        n % 100 === 0
          ? ([`task-t${n}`, taskEvents(n)] as const)
          : ([`case-c${n}`, caseEvents(n, 1 + (n % 3))] as const);
      return stream;
    });
    await Promise.all(batch.map(([stream, list]) => events.append(stream, list)));
    written += batch.reduce((sum, [, list]) => sum + list.length, 0);
    if (cases % 20_000 === 0)
      process.stderr.write(`\r  writing the log: ${Math.round((written / target) * 100)}%  `);
  }
  process.stderr.write('\n');
  const head = (await events.headPosition()) ?? 0n;
  const baseline = peak;

  let started = performance.now();
  let read = 0;
  for await (const event of events.readAll()) if (event.position > 0n) read++;
  const readAllRate = read / ((performance.now() - started) / 1000);

  const documents = getSqliteDocumentStore({ path: join(dir, 'views.sqlite'), synchronous: 'NORMAL' });
  const engine = createProjectionEngine({
    events,
    documents,
    projections: ALL_PROJECTIONS,
    batchSize: 2000,
  });
  peak = 0;
  started = performance.now();
  engine.start();
  const progress = setInterval(
    () =>
      void engine
        .health()
        .then((h) =>
          process.stderr.write(`\r  rebuilding: ${h.map((v) => `${v.name} ${v.position}`).join(', ')}   `),
        ),
    1000,
  );
  await engine.waitFor(head, 30 * 60_000);
  clearInterval(progress);
  const rebuildRate = read / ((performance.now() - started) / 1000);
  process.stderr.write('\n');
  const files = await documents.count(engine.collection('case-files', 'case_files'));
  await engine.stop();
  await documents.close();
  await events.close();

  const mib = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MiB`;
  console.log(
    `\n### Read models: rebuild from ${read.toLocaleString('en-US')} events (${cases.toLocaleString('en-US')} streams, ${files.toLocaleString('en-US')} case files, 3,321 communes)\n`,
  );
  console.log('| benchmark | dacxa | baseline (same run) | ratio | target | |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  const ratio = rebuildRate / readAllRate;
  console.log(
    `| rebuild all six materialised views | ${Math.round(rebuildRate).toLocaleString('en-US')} events/s | ${Math.round(readAllRate).toLocaleString('en-US')} events/s (readAll, parsed) | ${ratio.toFixed(2)} | ≥ 0.3 | ${ratio >= 0.3 ? 'met' : 'MISSED'} |`,
  );
  console.log(
    `| peak resident memory during the rebuild | ${mib(peak)} | ${mib(baseline)} (after writing the log) | | < 1024 MiB | ${peak < 1024 ** 3 ? 'met' : 'MISSED'} |`,
  );
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
