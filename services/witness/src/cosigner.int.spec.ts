import { createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MerkleTree,
  checkpointText,
  createCosigner,
  formatVerifierKey,
  leafHash,
  parseTlogPolicy,
  privateKeyFromSeed,
  signatureLine,
  verifyCheckpointNote,
  type CheckpointTree,
} from '@dacxa/audit';
import { startTestWitnesses, type TestWitness } from './testing.js';

// The log's publisher against two witnesses over real HTTP on 127.0.0.1.
const ORIGIN = 'dacxa.example/cosigner';
const logKey = privateKeyFromSeed(Buffer.alloc(32, 7));
const logVkey = formatVerifierKey(ORIGIN, createPublicKey(logKey));
let witnesses: TestWitness[] = [];
let close: () => Promise<unknown> = async () => undefined;

beforeAll(async () => {
  ({ witnesses, close } = await startTestWitnesses(ORIGIN, logVkey, [
    { name: 'vks.example/w', seed: 8 },
    { name: 'mttq.example/w', seed: 9 },
  ]));
});
afterAll(() => close());

const policyText = (quorum: string, urls = witnesses.map((w) => w.url)) =>
  [
    `log ${logVkey}`,
    ...witnesses.map((w, i) => `witness w${i} ${w.vkey} ${urls[i]}`),
    'group both all w0 w1',
    'group either any w0 w1',
    `quorum ${quorum}`,
    '',
  ].join('\n');

function treeOf(leaves: string[]): CheckpointTree & { append(leaf: string): void } {
  const tree = new MerkleTree();
  const append = (leaf: string) => tree.append(leafHash(Buffer.from(leaf)));
  leaves.forEach(append);
  return {
    append,
    get size() {
      return tree.size;
    },
    root: (size) => tree.root(size).toString('hex'),
    consistency: (a, b) => tree.consistencyProof(a, b).map((h) => h.toString('hex')),
  };
}

const sign = (size: number, rootHash: string) => {
  const text = checkpointText({ origin: ORIGIN, size, rootHash: Buffer.from(rootHash, 'hex') });
  return `${text}\n${signatureLine(text, ORIGIN, logKey)}`;
};

describe('the log publishes a checkpoint only once the policy’s witnesses cosign it', () => {
  it('publishes each new size, cosigned by both, verifiable offline against the policy', async () => {
    const tree = treeOf(['a', 'b', 'c']);
    const cosigner = createCosigner({ tree, sign, policy: parseTlogPolicy(policyText('both')) });
    const first = await cosigner.covering(3);
    expect(verifyCheckpointNote(first.note, parseTlogPolicy(policyText('both'))).witnesses.sort()).toEqual([
      'w0',
      'w1',
    ]);
    tree.append('d');
    const next = await cosigner.covering(4);
    expect(next).toMatchObject({ treeSize: 4, rootHash: tree.root(4) });
    expect(cosigner.health()).toMatchObject({ status: 'ok', publishedSize: 4 });
    expect(cosigner.health().witnesses.map((w) => w.cosignedSize)).toEqual([4, 4]);
    await cosigner.stop();
  });

  it('with one witness down, publishes under "any" and withholds under "all", saying why', async () => {
    const down = [witnesses[0]?.url ?? '', 'http://127.0.0.1:9/'];
    const tree = treeOf(['a', 'b', 'c', 'd', 'e']);
    const either = createCosigner({ tree, sign, policy: parseTlogPolicy(policyText('either', down)) });
    expect((await either.covering(5)).witnesses).toEqual(['w0']);
    const both = createCosigner({ tree, sign, policy: parseTlogPolicy(policyText('both', down)) });
    await expect(both.covering(5, 1_500)).rejects.toThrow(/quorum/);
    expect(both.latest()).toBeNull();
    expect(both.health()).toMatchObject({ status: 'behind', publishedSize: 0 });
    expect(both.health().witnesses[1]?.unreachable?.reason).toBeTruthy();
    await Promise.all([either.stop(), both.stop()]);
  });

  it('never publishes a rewritten history: both witnesses refuse and health says so', async () => {
    const honest = createCosigner({
      tree: treeOf(['a', 'b', 'c', 'd', 'e', 'f']),
      sign,
      policy: parseTlogPolicy(policyText('both')),
    });
    await honest.covering(6);
    // The operator, holding the log key, rewrites an old event and signs the new tree.
    const rewritten = treeOf(['a', 'B', 'c', 'd', 'e', 'f', 'g']);
    const forger = createCosigner({ tree: rewritten, sign, policy: parseTlogPolicy(policyText('either')) });
    await forger.publishNow();
    expect(forger.latest()).toBeNull();
    const health = forger.health();
    expect(health.status).toBe('refused');
    expect(health.witnesses.map((w) => w.refused?.treeSize)).toEqual([7, 7]);
    // The same rewrite at exactly the size the witnesses hold: another root at that size.
    const sameSize = treeOf(['a', 'b', 'C', 'd', 'e', 'f']);
    const twin = createCosigner({ tree: sameSize, sign, policy: parseTlogPolicy(policyText('either')) });
    await twin.publishNow();
    expect(twin.latest()).toBeNull();
    expect(twin.health().witnesses.map((w) => w.refused?.reason)).toEqual([
      expect.stringMatching(/another root/),
      expect.stringMatching(/another root/),
    ]);
    await Promise.all([honest.stop(), forger.stop(), twin.stop()]);
  });

  it('without a policy, publishes the log’s own signature at once', async () => {
    const cosigner = createCosigner({ tree: treeOf(['x']), sign, policy: null });
    const published = await cosigner.covering(1);
    expect(published.witnesses).toEqual([]);
    expect(() =>
      verifyCheckpointNote(published.note, parseTlogPolicy(`log ${logVkey}\nquorum none\n`)),
    ).not.toThrow();
    await cosigner.stop();
  });
});
