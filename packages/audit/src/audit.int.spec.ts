import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalJson, chainHash } from '@dacxa/event-store';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import { readLines, reseal, writeLines } from './bundleTampering.js';
import { exportBundle } from './exportBundle.js';
import { createLedger } from './ledger.js';
import { verifyConsistency } from './merkle.js';
import { createTreeHeadSigner, generateSigningKey } from './treeHead.js';
import { verifyBundle, type BundleReport } from './verifyBundle.js';

const root = mkdtempSync(join(tmpdir(), 'dacxa-audit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const signer = createTreeHeadSigner(generateSigningKey());
const original = join(root, 'original.sqlite');
const CASES = ['case-0192f5c4-0002-7000-8000-000000000001', 'case-0192f5c4-0002-7000-8000-000000000002'];
const meta = (unit: string) => ({ actor: 'u-cax', role: 'commune-police', unit });

/** A small log: two cases at An Khánh, one at Lê Chân, a tree head signed every five events. */
beforeAll(async () => {
  const events = getSqliteEventStore({ path: original });
  const ledger = createLedger({ events, signer, signEvery: 5, signEveryMs: 60_000 });
  ledger.start();
  for (let i = 0; i < 6; i++) {
    for (const stream of CASES)
      await events.append(stream, [
        {
          type: 'VisitLogged',
          data: { visitedOn: `2025-09-1${i}`, place: 'HOME', n: i },
          metadata: meta('xa-an-khanh/cong-an'),
          occurredAt: `2025-09-1${i}T02:00:00.000Z`,
        },
      ]);
    await events.append('case-0192f5c4-0002-7000-8000-000000000099', [
      {
        type: 'VisitLogged',
        data: { visitedOn: `2025-10-1${i}`, place: 'HOME' },
        metadata: meta('phuong-le-chan/cong-an'),
        occurredAt: `2025-10-1${i}T02:00:00.000Z`,
      },
    ]);
    await new Promise((r) => setTimeout(r, 20));
  }
  await ledger.caughtUp();
  await ledger.signNow();
  await ledger.stop();
  await events.close();
  // Everything into the main file, so that a copy of it is the whole store.
  const db = new Database(original);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
});

/** The position of the event of a case stream at a revision, in a store file. */
function positionOf(file: string, stream: string, revision: number): number {
  const db = new Database(file, { readonly: true });
  const row = db
    .prepare<[string, number], { position: number }>(
      'SELECT position FROM events WHERE stream = ? AND revision = ?',
    )
    .get(stream, revision);
  db.close();
  return row?.position ?? -1;
}

/** Opens (a copy of) the store with its signing ledger, as `dacxa export` does, and cuts a bundle. */
async function bundleOf(file: string, filter = {}) {
  const events = getSqliteEventStore({ path: file });
  const ledger = createLedger({ events, signer });
  ledger.start();
  await ledger.caughtUp();
  const dir = mkdtempSync(join(root, 'bundle-'));
  const progress: number[] = [];
  const manifest = await exportBundle({
    events,
    ledger,
    signer,
    dir,
    filter,
    onProgress: (read) => progress.push(read),
  });
  await ledger.stop();
  await events.close();
  return { dir, manifest, progress };
}

/** A copy of the original store, changed by hand the way someone with the file could. */
function tampered(change: (db: Database.Database) => void): string {
  const file = join(root, `tampered-${Math.random().toString(36).slice(2)}.sqlite`);
  copyFileSync(original, file);
  const db = new Database(file);
  change(db);
  db.close();
  return file;
}

const failureOf = (report: BundleReport) => (report.ok ? null : report.failure);
const trusted = { trustedPublicKeyPem: signer.publicKeyPem };

describe('audit bundles', () => {
  it('exports the whole log and verifies it offline: hashes, chains, every head in it and the signed root', async () => {
    const { dir, manifest, progress } = await bundleOf(original);
    expect(manifest).toMatchObject({
      format: 'dacxa-audit-bundle-v2',
      kind: 'complete',
      counts: { events: manifest.treeHead.treeSize },
    });
    expect(progress.at(-1)).toBe(manifest.treeHead.treeSize);
    expect(await verifyBundle(dir, trusted)).toMatchObject({
      ok: true,
      complete: true,
      events: manifest.treeHead.treeSize,
    });
    const csv = readFileSync(join(dir, 'events.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFVị trí,Luồng,')).toBe(true);
    expect(csv).toMatch(/,VisitLogged,"?Ghi nhận việc gặp gỡ, làm việc.*,1[0-5]\/09\/2025 09:00:00,/);
  });

  it('discloses one case with proofs that verify against the public head, and nobody else’s events', async () => {
    const { dir, manifest } = await bundleOf(original, { streams: [CASES[0]] });
    expect(manifest).toMatchObject({ kind: 'disclosure', counts: { events: 6, streams: 1 } });
    expect(readFileSync(join(dir, 'events.ndjson'), 'utf8')).not.toContain(CASES[1]);
    expect(await verifyBundle(dir, trusted)).toMatchObject({ ok: true, events: 6 });
    const commune = await bundleOf(original, {
      units: ['phuong-le-chan'],
      from: '2025-10-12',
      to: '2025-10-14',
    });
    expect(commune.manifest.counts.events).toBe(3);
    expect(await verifyBundle(commune.dir, trusted)).toMatchObject({ ok: true });
  });

  it('fails a bundle whose event was edited, or whose proof or signature does not hold, naming where', async () => {
    const { dir } = await bundleOf(original, { streams: [CASES[0]] });
    const file = join(dir, 'events.ndjson');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"n":2', '"n":7'));
    const edited = await verifyBundle(dir, trusted);
    expect(failureOf(edited)).toMatchObject({ reason: 'file-hash' });
    const other = createTreeHeadSigner(generateSigningKey());
    writeFileSync(file, text);
    expect(failureOf(await verifyBundle(dir, { trustedPublicKeyPem: other.publicKeyPem }))).toMatchObject({
      reason: 'untrusted-key',
    });
  });

  it('names the position of an event changed by one byte, even in a bundle the key holder re-sealed', async () => {
    // The store refuses such a row itself (verify-store); in a bundle only the event's hash betrays it.
    const at = positionOf(original, CASES[0] as string, 3);
    const { dir } = await bundleOf(original);
    writeLines(
      dir,
      'events.ndjson',
      readLines(dir, 'events.ndjson').map((l) =>
        l.includes(`"position":"${at}"`) ? l.replace('"n":3', '"n":4') : l,
      ),
    );
    await reseal(dir, signer);
    expect(failureOf(await verifyBundle(dir, trusted))).toMatchObject({
      reason: 'hash-mismatch',
      position: String(at),
    });
  });

  it('names the position when a stored event was deleted', async () => {
    const [gone, next] = [
      positionOf(original, CASES[1] as string, 2),
      positionOf(original, CASES[1] as string, 3),
    ];
    // Deleted, and the positions after it moved down one: the store reads a log without a gap.
    const deleted = tampered((db) => {
      db.prepare('DELETE FROM events WHERE position = ?').run(gone);
      db.prepare('UPDATE events SET position = position + 1000000 WHERE position > ?').run(gone);
      db.prepare('UPDATE events SET position = position - 1000001 WHERE position > 1000000').run();
    });
    const failure = failureOf(await verifyBundle((await bundleOf(deleted)).dir, trusted));
    // The first evidence in log order: a tree head signed after it, or the stream's next event.
    expect(['head-mismatch', 'revision-gap']).toContain(failure?.reason);
    expect(Number(failure?.position)).toBeGreaterThanOrEqual(gone);
    expect(Number(failure?.position)).toBeLessThanOrEqual(next - 1);
  });

  it('names the position when two stored events were swapped', async () => {
    const [first, second] = [
      positionOf(original, CASES[0] as string, 1),
      positionOf(original, CASES[0] as string, 2),
    ];
    const swapped = tampered((db) => {
      db.prepare('UPDATE events SET position = -1 WHERE position = ?').run(first);
      db.prepare('UPDATE events SET position = ? WHERE position = ?').run(first, second);
      db.prepare('UPDATE events SET position = ? WHERE position = -1').run(second);
    });
    expect(failureOf(await verifyBundle((await bundleOf(swapped)).dir, trusted))).toMatchObject({
      reason: 'revision-gap',
      position: String(first),
    });
  });

  it('names the position of the first signed head that an inserted event contradicts', async () => {
    const inserted = tampered((db) => {
      db.prepare('UPDATE events SET position = position + 1000 WHERE position >= 3').run();
      db.prepare('UPDATE events SET position = position - 999 WHERE position >= 1003').run();
      const envelope = {
        data: { forged: true },
        id: '0192f5c4-9999-7000-8000-000000000001',
        metadata: meta('xa-an-khanh/cong-an'),
        occurredAt: '2025-09-10T01:00:00.000Z',
        recordedAt: '2025-09-10T01:00:00.000Z',
        revision: 0,
        schemaVersion: 1,
        stream: 'case-0192f5c4-0002-7000-8000-000000000777',
        type: 'VisitLogged',
      };
      const body = canonicalJson(envelope);
      db.prepare(
        'INSERT INTO events (position, stream, revision, id, type, body, prev_hash, hash) VALUES (3, ?, 0, ?, ?, ?, ?, ?)',
      ).run(envelope.stream, envelope.id, envelope.type, body, GENESIS_HASH, chainHash(GENESIS_HASH, body));
    });
    const failure = failureOf(await verifyBundle((await bundleOf(inserted)).dir, trusted));
    expect(failure).toMatchObject({ reason: 'head-mismatch' });
    expect(Number(failure?.position)).toBeGreaterThan(3);
  });

  it('proves an old head consistent with a new one, and not after history was rewritten', async () => {
    const honest = getSqliteEventStore({ path: original });
    const ledger = createLedger({ events: honest });
    ledger.start();
    await ledger.caughtUp();
    const [old, latest] = [ledger.heads()[0], ledger.latestHead()];
    if (!old || !latest) throw new Error('no heads');
    const proof = ledger.consistency(old.treeSize, latest.treeSize).map((h) => Buffer.from(h, 'hex'));
    const hex = (h: string) => Buffer.from(h, 'hex');
    expect(
      verifyConsistency(old.treeSize, latest.treeSize, hex(old.rootHash), hex(latest.rootHash), proof),
    ).toBe(true);
    await ledger.stop();
    await honest.close();

    // Someone rewrites the first event and every hash after it, so every chain still verifies.
    const rewritten = tampered((db) => {
      const rows = db
        .prepare<[], { position: number; body: string; prev_hash: string; stream: string }>(
          'SELECT position, body, prev_hash, stream FROM events ORDER BY position',
        )
        .all();
      const heads = new Map<string, string>();
      for (const row of rows) {
        const body = row.position === 1 ? row.body.replace('"n":0', '"n":9') : row.body;
        const prev = heads.get(row.stream) ?? GENESIS_HASH;
        const hash = chainHash(prev, body);
        heads.set(row.stream, hash);
        db.prepare('UPDATE events SET body = ?, prev_hash = ?, hash = ? WHERE position = ?').run(
          body,
          prev,
          hash,
          row.position,
        );
      }
    });
    const events = getSqliteEventStore({ path: rewritten });
    const forged = createLedger({ events, signer });
    forged.start();
    await events.append('case-0192f5c4-0002-7000-8000-000000000001', [
      {
        type: 'VisitLogged',
        data: { visitedOn: '2025-11-01', place: 'HOME' },
        metadata: meta('xa-an-khanh/cong-an'),
      },
    ]);
    await forged.caughtUp();
    const head = await forged.signNow();
    if (!head) throw new Error('no new head');
    const rewrittenProof = forged.consistency(old.treeSize, head.treeSize).map((h) => Buffer.from(h, 'hex'));
    expect(
      verifyConsistency(old.treeSize, head.treeSize, hex(old.rootHash), hex(head.rootHash), rewrittenProof),
    ).toBe(false);
    await forged.stop();
    await events.close();
  });
});
