import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH, chainHash } from '@dacxa/event-store';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import { parseSavedHead, proveConsistency } from './consistency.js';
import { createLedger } from './ledger.js';
import { verifyConsistency } from './merkle.js';
import { writeTestLog } from './testLog.js';
import { createTreeHeadSigner, generateSigningKey } from './treeHead.js';

const root = mkdtempSync(join(tmpdir(), 'dacxa-consistency-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const signer = createTreeHeadSigner(generateSigningKey());
const file = join(root, 'log.sqlite');
beforeAll(() => writeTestLog(file, signer));

async function openLedgerOn(path: string) {
  const events = getSqliteEventStore({ path });
  const ledger = createLedger({ events, signer });
  ledger.start();
  await ledger.caughtUp();
  return { events, ledger, close: async () => (await ledger.stop(), await events.close()) };
}

/** The operator, key in hand, rewrites the first event and every hash after it, and signs anew. */
function rewrite(path: string): void {
  const db = new Database(path);
  const rows = db
    .prepare<[], { position: number; body: string; stream: string }>(
      'SELECT position, body, stream FROM events ORDER BY position',
    )
    .all();
  const tips = new Map<string, string>();
  for (const row of rows) {
    const body = row.position === 1 ? row.body.replace('"n":0', '"n":9') : row.body;
    const prev = tips.get(row.stream) ?? GENESIS_HASH;
    const hash = chainHash(prev, body);
    tips.set(row.stream, hash);
    db.prepare('UPDATE events SET body = ?, prev_hash = ?, hash = ? WHERE position = ?').run(
      body,
      prev,
      hash,
      row.position,
    );
  }
  db.close();
}

describe('consistency from a saved checkpoint', () => {
  it('holds from the head an auditor saved to each newer one', async () => {
    const { ledger, close } = await openLedgerOn(file);
    const [saved, latest] = [ledger.heads()[0], ledger.latestHead()];
    if (!saved || !latest) throw new Error('no heads');
    const check = proveConsistency(ledger, parseSavedHead(JSON.stringify(saved)), latest);
    await close();
    expect(check).toMatchObject({
      from: { treeSize: saved.treeSize, rootHash: saved.rootHash },
      to: latest,
      consistent: true,
    });
  });

  it('fails once history before the saved head was rewritten, though the log agrees with itself', async () => {
    const honest = await openLedgerOn(file);
    const saved = honest.ledger.heads()[0];
    if (!saved) throw new Error('no head');
    await honest.close();
    const rewritten = join(root, 'rewritten.sqlite');
    copyFileSync(file, rewritten);
    rewrite(rewritten);
    const { events, ledger, close } = await openLedgerOn(rewritten);
    await events.append('case-0192f5c4-0004-7000-8000-000000000001', [
      {
        type: 'VisitLogged',
        data: { n: 99 },
        metadata: { actor: 'u', role: 'commune-police', unit: 'xa-an-khanh' },
      },
    ]);
    const head = await ledger.headCovering();
    // What the server picked before (both roots from its own tree) agrees; the saved root does not.
    const own = ledger.consistency(saved.treeSize, head.treeSize).map((h) => Buffer.from(h, 'hex'));
    const rootOf = (size: number) => Buffer.from(ledger.root(size), 'hex');
    expect(
      verifyConsistency(saved.treeSize, head.treeSize, rootOf(saved.treeSize), rootOf(head.treeSize), own),
    ).toBe(true);
    expect(proveConsistency(ledger, saved, head).consistent).toBe(false);
    await close();
  });

  it('reads a saved head from tree-head.json or anything holding one as treeHead, and names what is missing', () => {
    const head = signer.sign(3, 'ab'.repeat(32), '2026-01-01T00:00:00.000Z');
    expect(parseSavedHead(JSON.stringify({ treeHead: head }))).toEqual(head);
    expect(() => parseSavedHead('{"treeSize":3}')).toThrow(/treeSize, rootHash/);
    expect(() => parseSavedHead('3')).toThrow(/not a signed tree head/);
  });
});
