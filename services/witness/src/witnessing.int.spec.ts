import { createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MerkleTree,
  WitnessRefusal,
  checkpointText,
  formatVerifierKey,
  leafHash,
  parseTlogPolicy,
  privateKeyFromSeed,
  requestCosignature,
  signatureLine,
  verifyCheckpointNote,
} from '@dacxa/audit';
import { startTestWitnesses, type TestWitness } from './testing.js';

// The log asks two witnesses over real HTTP on 127.0.0.1; an auditor checks the result against a policy.
const ORIGIN = 'dacxa.example/log';
const logKey = privateKeyFromSeed(Buffer.alloc(32, 1));
const logVkey = formatVerifierKey(ORIGIN, createPublicKey(logKey));
let witnesses: TestWitness[] = [];
let close: () => Promise<unknown> = async () => undefined;

beforeAll(async () => {
  ({ witnesses, close } = await startTestWitnesses(ORIGIN, logVkey, [
    { name: 'vks.example/witness', seed: 2 },
    { name: 'mttq.example/witness', seed: 3 },
  ]));
});
afterAll(() => close());

const tree = (leaves: string[]) => {
  const t = new MerkleTree();
  for (const leaf of leaves) t.append(leafHash(Buffer.from(leaf)));
  return t;
};
const noteOf = (t: MerkleTree) => {
  const text = checkpointText({ origin: ORIGIN, size: t.size, rootHash: t.root() });
  return `${text}\n${signatureLine(text, ORIGIN, logKey)}`;
};
const policy = () =>
  parseTlogPolicy(
    [
      `log ${logVkey}`,
      ...witnesses.map((w, i) => `witness w${i} ${w.vkey} ${w.url}`),
      'group oversight any w0 w1',
      'quorum oversight',
      '',
    ].join('\n'),
  );

async function cosign(t: MerkleTree): Promise<string> {
  const note = noteOf(t);
  const lines = await Promise.all(
    witnesses.map(
      async (w) => (await requestCosignature(w.url, note, t.size, (old) => t.consistencyProof(old))).lines,
    ),
  );
  return note + lines.join('');
}

describe('checkpoints cosigned by the oversight bodies’ witnesses', () => {
  const honest = tree(['a', 'b', 'c', 'd']);

  it('are verified offline against a policy pinned out of band', async () => {
    const first = await cosign(honest);
    expect(verifyCheckpointNote(first, policy()).witnesses.sort()).toEqual(['w0', 'w1']);
    honest.append(leafHash(Buffer.from('e')));
    const next = await cosign(honest);
    expect(verifyCheckpointNote(next, policy()).witnesses).toHaveLength(2);
  });

  it('refuse a checkpoint no witness cosigned, by the policy', () => {
    expect(() => verifyCheckpointNote(noteOf(honest), policy())).toThrow(/quorum/);
  });

  it('are refused by every witness when the operator rewrites an old event and re-signs', async () => {
    const rewritten = tree(['a', 'B', 'c', 'd', 'e', 'f']);
    const note = noteOf(rewritten);
    for (const w of witnesses) {
      const refusal = requestCosignature(
        w.url,
        note,
        rewritten.size,
        (old) => rewritten.consistencyProof(old),
        5,
      );
      await expect(refusal).rejects.toBeInstanceOf(WitnessRefusal);
      await expect(refusal).rejects.toMatchObject({ status: 422 });
    }
  });
});
