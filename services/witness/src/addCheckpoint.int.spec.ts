import { createPublicKey } from 'node:crypto';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import {
  COSIGNATURE_ED25519,
  MerkleTree,
  checkpointText,
  formatVerifierKey,
  leafHash,
  openNote,
  parseVerifierKey,
  privateKeyFromSeed,
  signatureLine,
} from '@dacxa/audit';
import { buildWitnessApp } from './app.js';
import { openWitnessStore } from './witnessStore.js';

const ORIGIN = 'dacxa.example/log';
const logKey = privateKeyFromSeed(Buffer.alloc(32, 1));
const witnessKey = privateKeyFromSeed(Buffer.alloc(32, 2));
const logVkey = formatVerifierKey(ORIGIN, createPublicKey(logKey));
const witnessVkey = formatVerifierKey(
  'vks.example/witness',
  createPublicKey(witnessKey),
  COSIGNATURE_ED25519,
);

function tree(leaves: string[]): MerkleTree {
  const t = new MerkleTree();
  for (const leaf of leaves) t.append(leafHash(Buffer.from(leaf)));
  return t;
}
const note = (t: MerkleTree, size = t.size, key = logKey) => {
  const text = checkpointText({ origin: ORIGIN, size, rootHash: t.root(size) });
  return `${text}\n${signatureLine(text, ORIGIN, key)}`;
};
const request = (old: number, proof: Buffer[], checkpoint: string) =>
  `old ${old}\n${proof.map((p) => `${p.toString('base64')}\n`).join('')}\n${checkpoint}`;

const stores: Array<ReturnType<typeof openWitnessStore>> = [];
async function witness() {
  const store = openWitnessStore(':memory:');
  stores.push(store);
  const app = buildWitnessApp({
    store,
    logs: new Map([[ORIGIN, [parseVerifierKey(logVkey)]]]),
    name: 'vks.example/witness',
    key: witnessKey,
    now: () => new Date('2026-12-01T02:00:00Z'),
    logger: pino({ level: 'silent' }),
    verifierKey: witnessVkey,
  });
  await app.ready();
  const add = async (body: string) => {
    const reply = await app.inject({
      method: 'POST',
      url: '/add-checkpoint',
      payload: body,
      headers: { 'content-type': 'text/plain' },
    });
    return { status: reply.statusCode, type: reply.headers['content-type'], body: reply.body };
  };
  return { app, add, store };
}
afterEach(() => stores.splice(0).forEach((s) => s.close()));

const log = tree(['a', 'b', 'c', 'd', 'e', 'f', 'g']);

describe('the witness (c2sp.org/tlog-witness)', () => {
  it('cosigns a first checkpoint, then one that extends it with a valid consistency proof', async () => {
    const w = await witness();
    const first = await w.add(request(0, [], note(log, 3)));
    expect(first.status).toBe(200);
    const cosigned = note(log, 3) + first.body;
    expect(openNote(cosigned, [parseVerifierKey(witnessVkey)]).signedBy).toEqual(['vks.example/witness']);
    const next = await w.add(request(3, log.consistencyProof(3, 7), note(log)));
    expect(next.status).toBe(200);
    expect(w.store.latest(ORIGIN)?.size).toBe(7);
  });

  it('answers 409 with the size it last cosigned when the old size is not it', async () => {
    const w = await witness();
    await w.add(request(0, [], note(log, 3)));
    const stale = await w.add(request(0, [], note(log)));
    expect(stale).toMatchObject({ status: 409, type: 'text/x.tlog.size', body: '3\n' });
  });

  it('refuses a rewritten history: a consistency proof that does not verify (422), and keeps it', async () => {
    const w = await witness();
    await w.add(request(0, [], note(log, 3)));
    const rewritten = tree(['a', 'B', 'c', 'd', 'e', 'f', 'g']);
    const forged = await w.add(request(3, rewritten.consistencyProof(3, 7), note(rewritten)));
    expect(forged.status).toBe(422);
    expect(w.store.latest(ORIGIN)?.size).toBe(3);
  });

  it('refuses the same size with another root (409), an unknown origin (404), a bad signature (403) and garbage (400)', async () => {
    const w = await witness();
    await w.add(request(0, [], note(log, 3)));
    const rewritten = tree(['a', 'B', 'c']);
    expect((await w.add(request(3, [], note(rewritten)))).status).toBe(409);
    const stranger = checkpointText({ origin: 'other.example/log', size: 1, rootHash: log.root(1) });
    expect(
      (await w.add(request(0, [], `${stranger}\n${signatureLine(stranger, 'other.example/log', logKey)}`)))
        .status,
    ).toBe(404);
    expect((await w.add(request(0, [], note(log, 3, witnessKey).replace(ORIGIN, ORIGIN)))).status).toBe(403);
    for (const garbage of ['', 'old -1\n\nx', 'old 3\nnot-base64!\n\n' + note(log), `old 9\n\n${note(log)}`])
      expect((await w.add(garbage)).status).toBe(400);
  });

  it('never rolls back: of two requests from the same old size, only the first is cosigned', async () => {
    const w = await witness();
    await w.add(request(0, [], note(log, 3)));
    const [a, b] = await Promise.all([
      w.add(request(3, log.consistencyProof(3, 5), note(log, 5))),
      w.add(request(3, log.consistencyProof(3, 7), note(log, 7))),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });
});
