/**
 * How soon a checkpoint covering an append is published, cosigned by two local witnesses (each a
 * real HTTP server with its own durable SQLite file), while the embedded event store appends as
 * fast as it durably can. Baseline, same run: the durable append's own latency.
 *
 *   cd services/witness && npx tsx bench/publishLatency.ts [seconds]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createCosigner,
  createLedger,
  createTreeHeadSigner,
  generateSigningKey,
  parseTlogPolicy,
} from '@dacxa/audit';
import { someEvents } from '@dacxa/event-store/contract';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import { startTestWitnesses } from '../src/testing.js';

const seconds = Number(process.argv[2] ?? 10);
const dir = mkdtempSync(join(tmpdir(), 'dacxa-publish-'));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};

const ORIGIN = 'dacxa.bench/log';
const signer = createTreeHeadSigner(generateSigningKey());
const logVkey = signer.verifierKey(ORIGIN);
// Each witness with its own durable SQLite file, as an oversight body runs it.
const { witnesses: started, close: closeWitnesses } = await startTestWitnesses(ORIGIN, logVkey, [
  { name: 'vks.bench/w', seed: 1, dbFile: join(dir, 'witness-0.sqlite') },
  { name: 'mttq.bench/w', seed: 2, dbFile: join(dir, 'witness-1.sqlite') },
]);
const witnesses = started.map((w, i) => ({ ...w, name: `w${i}` }));
const policy = parseTlogPolicy(
  [
    `log ${logVkey}`,
    ...witnesses.map((w) => `witness ${w.name} ${w.vkey} ${w.url}`),
    'group both all w0 w1',
    'quorum both',
    '',
  ].join('\n'),
);

const store = getSqliteEventStore({ path: join(dir, 'dacxa.sqlite') });
const ledger = createLedger({ events: store, signer, signEvery: 1_000, signEveryMs: 60_000 });
ledger.start();
const cosigner = createCosigner({
  tree: ledger,
  sign: (size, root) => signer.signCheckpoint(ORIGIN, size, root),
  policy,
  intervalMs: 200,
});
cosigner.start();

// Baseline: one durable append at a time, nothing else running.
const baseline: number[] = [];
for (let i = 0; i < 200; i++) {
  const started = performance.now();
  await store.append(`case-base-${i % 10}`, someEvents(1, i));
  baseline.push(performance.now() - started);
}

const publishedOver = (size: number) =>
  new Promise<void>((resolve) => {
    const look = () => ((cosigner.latest()?.treeSize ?? 0) >= size ? resolve() : setTimeout(look, 2));
    look();
  });

// Under load: appends back to back for `seconds`; every 20th is followed to its publication.
const latencies: Promise<number>[] = [];
const until = Date.now() + seconds * 1000;
let appended = 0;
const loadStarted = performance.now();
while (Date.now() < until) {
  const result = await store.append(`case-${appended % 50}`, someEvents(1, appended));
  const at = performance.now();
  appended++;
  if (appended % 20 === 0)
    latencies.push(
      // Positions are dense from 1 and every event is a leaf: position n is in a tree of n leaves.
      // Watched without asking: covering() would publish on demand, and GET /checkpoint does not.
      publishedOver(Number(result.position)).then(() => performance.now() - at),
    );
}
const appendRate = appended / ((performance.now() - loadStarted) / 1000);
const published = await Promise.all(latencies);

const p50 = percentile(published, 50);
const p99 = percentile(published, 99);
const line = (label: string, value: string) => process.stdout.write(`| ${label} | ${value} |\n`);
process.stdout.write(
  `\n### Checkpoint publication (two local witnesses, quorum all)\n\n| measure | figure |\n| --- | ---: |\n`,
);
line('durable appends under load (events/s)', appendRate.toFixed(0));
line('baseline: one durable append alone, p50 (ms)', percentile(baseline, 50).toFixed(2));
line('append → cosigned checkpoint published, p50 (ms)', p50.toFixed(1));
line('append → cosigned checkpoint published, p99 (ms)', p99.toFixed(1));
line('append → published, max (ms)', Math.max(...published).toFixed(1));
line('p99 against the 1 s target', `${(p99 / 1000).toFixed(3)} (≤ 1: ${p99 <= 1000 ? 'met' : 'missed'})`);
line('p50 / baseline append p50 (ratio)', (p50 / percentile(baseline, 50)).toFixed(1));
line('samples', String(published.length));

await cosigner.stop();
await ledger.stop();
await store.close();
await closeWitnesses();
rmSync(dir, { recursive: true, force: true });
