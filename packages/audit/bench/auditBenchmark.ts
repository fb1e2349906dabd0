// pnpm bench (audit): export and verify a complete bundle of the log, events/s each, beside plain
// SHA-256 over the same bytes in the same run; export memory at a quarter of the log and at all
// of it, to show it stays flat. BENCH_EVENTS sets the log's size (1,000,000 by default).
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import {
  createLedger,
  createTreeHeadSigner,
  exportBundle,
  generateSigningKey,
  verifyBundle,
} from '../src/index.js';

const total = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'dacxa-audit-bench-'));
const signer = createTreeHeadSigner(generateSigningKey());
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const sampler = setInterval(sample, 20);
const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function fill(file: string, count: number): Promise<void> {
  const events = getSqliteEventStore({ path: file, synchronous: 'NORMAL' });
  for (let written = 0; written < count;) {
    const batch = [];
    for (let i = 0; i < 100 && written < count; i++, written++) {
      batch.push(
        events.append(`case-${String(written % 50_000).padStart(8, '0')}`, [
          {
            type: 'VisitLogged',
            data: {
              visitedOn: '2025-09-15',
              place: 'HOME',
              findings: 'Ổn định, đã có việc làm thời vụ',
              n: written,
            },
            metadata: { actor: 'u-giup-do', role: 'supervisor', unit: 'xa-an-khanh' },
            occurredAt: '2025-09-15T02:00:00.000Z',
          },
        ]),
      );
    }
    await Promise.all(batch);
    if (written % 100_000 === 0) process.stderr.write(`  wrote ${fmt(written)}\n`);
  }
  await events.close();
}

async function measure(count: number) {
  const file = join(dir, `events-${count}.sqlite`);
  await fill(file, count);
  const events = getSqliteEventStore({ path: file });
  const ledger = createLedger({ events, signer, signEvery: Number.MAX_SAFE_INTEGER, signEveryMs: 3_600_000 });
  ledger.start();
  await ledger.waitForSize(count, 600_000);
  await ledger.signNow();
  await ledger.waitForSize(count + 1);
  const out = join(dir, `bundle-${count}`);
  global.gc?.();
  const before = process.memoryUsage().rss;
  peak = before;
  let started = performance.now();
  await exportBundle({ events, ledger, signer, dir: out });
  const exportSeconds = (performance.now() - started) / 1000;
  const exportPeak = peak - before;
  await ledger.stop();
  await events.close();
  global.gc?.();
  const beforeVerify = process.memoryUsage().rss;
  peak = beforeVerify;
  started = performance.now();
  const report = await verifyBundle(out, { trustedPublicKeyPem: signer.publicKeyPem });
  const verifySeconds = (performance.now() - started) / 1000;
  const verifyPeak = peak;
  if (!report.ok) throw new Error(`verify failed: ${JSON.stringify(report.failure)}`);
  const bytes = statSync(join(out, 'events.ndjson')).size;
  started = performance.now();
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(join(out, 'events.ndjson'))) hash.update(chunk as Buffer);
  hash.digest();
  const hashSeconds = (performance.now() - started) / 1000;
  return { count: count + 1, exportSeconds, verifySeconds, hashSeconds, exportPeak, verifyPeak, bytes };
}

try {
  const small = await measure(Math.floor(total / 4));
  const large = await measure(total);
  const rate = (r: typeof large, seconds: number) => r.count / seconds;
  const raw = rate(large, large.hashSeconds);
  const verifyRatio = rate(large, large.verifySeconds) / raw;
  process.stdout.write(
    [
      '',
      `Log of ${fmt(large.count)} events (${mib(large.bytes)} of NDJSON), complete bundle:`,
      '',
      '| benchmark | dacxa | baseline (same run) | ratio | target | |',
      '| --- | ---: | ---: | ---: | ---: | --- |',
      `| export (NDJSON + CSV + manifest) | ${fmt(rate(large, large.exportSeconds))} events/s | ${fmt(raw)} events/s (SHA-256 of the NDJSON) | ${(rate(large, large.exportSeconds) / raw).toFixed(2)} | | |`,
      `| verify offline (hashes, chains, tree, heads, signature) | ${fmt(rate(large, large.verifySeconds))} events/s | ${fmt(raw)} events/s (SHA-256 of the NDJSON) | ${verifyRatio.toFixed(2)} | ≥ 0.25 | ${verifyRatio >= 0.25 ? 'met' : 'missed'} |`,
      `| export memory above the process's own, ${fmt(small.count)} events | ${mib(small.exportPeak)} | | | | |`,
      `| export memory above the process's own, ${fmt(large.count)} events | ${mib(large.exportPeak)} | | ${(large.exportPeak / Math.max(small.exportPeak, 1)).toFixed(2)}× the quarter | flat | ${large.exportPeak <= small.exportPeak * 1.5 + 32 * 1024 * 1024 ? 'met' : 'missed'} |`,
      `| verify peak RSS (workers included), ${fmt(small.count)} events | ${mib(small.verifyPeak)} | | | | |`,
      `| verify peak RSS (workers included), ${fmt(large.count)} events | ${mib(large.verifyPeak)} | | ${(large.verifyPeak / Math.max(small.verifyPeak, 1)).toFixed(2)}× the quarter | flat | ${large.verifyPeak <= small.verifyPeak * 1.25 ? 'met' : 'missed'} |`,
      '',
    ].join('\n'),
  );
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
