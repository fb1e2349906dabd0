import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '@dacxa/event-store';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import { exportBundle } from './exportBundle.js';
import { createLedger } from './ledger.js';
import { createTreeHeadSigner, generateSigningKey, type TreeHead } from './treeHead.js';
import { verifyBundle } from './verifyBundle.js';

const root = mkdtempSync(join(tmpdir(), 'dacxa-cut-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const signer = createTreeHeadSigner(generateSigningKey());
const grown = join(root, 'grown.sqlite');
const SIGN_EVERY = 40;

async function visits(events: EventStore, count: number): Promise<void> {
  for (let i = 0; i < count; i += 20)
    await Promise.all(
      Array.from({ length: 20 }, (_, j) =>
        events.append(`case-0192f5c4-0003-7000-8000-${String((i + j) % 7).padStart(12, '0')}`, [
          {
            type: 'VisitLogged',
            data: { visitedOn: '2025-09-15', place: 'HOME', n: i + j },
            metadata: { actor: 'u-cax', role: 'commune-police', unit: 'xa-an-khanh/cong-an' },
          },
        ]),
      ),
    );
}

async function countOf(events: EventStore): Promise<number> {
  let n = 0;
  for await (const event of events.readAll()) n += event.position > 0n ? 1 : 0;
  return n;
}

/** A log grown while a ledger signed a head every 40 events, as `dacxa serve` leaves it. */
beforeAll(async () => {
  const events = getSqliteEventStore({ path: grown });
  const ledger = createLedger({ events, signer, signEvery: SIGN_EVERY, signEveryMs: 60_000 });
  ledger.start();
  await visits(events, 1_200);
  await ledger.caughtUp();
  await ledger.stop();
  await events.close();
});

describe('a whole-log export', () => {
  it('holds every event the log held when it was asked for, not the last head found in the log', async () => {
    const events = getSqliteEventStore({ path: grown });
    const held = await countOf(events);
    // As `dacxa export` runs: a signing ledger opened on the grown log, caught up, then the export.
    const ledger = createLedger({ events, signer, signEvery: SIGN_EVERY, signEveryMs: 60_000 });
    ledger.start();
    await ledger.caughtUp(60_000);
    await ledger.signNow();
    await ledger.caughtUp();
    const dir = mkdtempSync(join(root, 'bundle-'));
    const manifest = await exportBundle({ events, ledger, signer, dir });
    await ledger.stop();
    await events.close();
    expect(manifest.treeHead.treeSize).toBeGreaterThanOrEqual(held);
    expect(manifest.counts.events).toBe(manifest.treeHead.treeSize);
    expect(await verifyBundle(dir, { trustedPublicKeyPem: signer.publicKeyPem })).toMatchObject({ ok: true });
  });

  it('right after the ledger starts, without waiting for it: it waits for a covering head itself', async () => {
    const events = getSqliteEventStore({ path: grown });
    await visits(events, 20);
    const held = await countOf(events);
    const ledger = createLedger({ events, signer, signEvery: SIGN_EVERY, signEveryMs: 60_000 });
    ledger.start();
    const dir = mkdtempSync(join(root, 'bundle-'));
    const manifest = await exportBundle({ events, ledger, signer, dir });
    await ledger.stop();
    await events.close();
    expect(manifest.counts.events).toBeGreaterThanOrEqual(held);
  });

  it('waits, on a ledger that only follows, for the signer’s head covering the log', async () => {
    const events = getSqliteEventStore({ path: grown });
    const signing = createLedger({ events, signer, signEvery: 1_000_000, signEveryMs: 300 });
    const following = createLedger({ events, signEveryMs: 300 });
    signing.start();
    await signing.caughtUp(60_000);
    await visits(events, 20);
    const held = await countOf(events);
    following.start();
    const dir = mkdtempSync(join(root, 'bundle-'));
    const manifest = await exportBundle({
      events,
      ledger: following,
      signer,
      dir,
    });
    await following.stop();
    await signing.stop();
    await events.close();
    expect(manifest.counts.events).toBeGreaterThanOrEqual(held);
  });
});

describe('the ledger catching up with a grown log', () => {
  it('signs no size older than the log it found: the heads already in it stand', async () => {
    const events = getSqliteEventStore({ path: grown });
    const held = await countOf(events);
    const ledger = createLedger({ events, signer, signEvery: SIGN_EVERY, signEveryMs: 60_000 });
    ledger.start();
    await ledger.caughtUp(60_000);
    await new Promise((r) => setTimeout(r, 200));
    await ledger.caughtUp();
    const appended: TreeHead[] = [];
    for await (const event of events.readAll())
      if (event.type === 'TreeHeadSigned' && event.position > BigInt(held))
        appended.push(event.data as unknown as TreeHead);
    await ledger.stop();
    await events.close();
    expect(appended.filter((h) => h.treeSize < held)).toEqual([]);
  });
});
