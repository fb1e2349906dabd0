import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MerkleTree, leafHash } from './merkle.js';
import { createCompactRange, createRootStack } from './verifyMerkleRoot.js';

const leaves = Array.from({ length: 70 }, (_, i) =>
  leafHash(createHash('sha256').update(`leaf-${i}`).digest()),
);

describe('the streaming RFC 9162 root', () => {
  it('is MerkleTree’s root at every size, leaf by leaf', () => {
    const tree = new MerkleTree();
    const stack = createRootStack();
    expect(stack.root()).toEqual(createHash('sha256').digest());
    for (const leaf of leaves) {
      tree.append(leaf);
      stack.push({ hash: leaf, size: 1 });
      expect(stack.root()).toEqual(tree.root());
    }
  });

  it('is the same from compact ranges of runs cut anywhere', () => {
    const tree = new MerkleTree();
    for (const leaf of leaves) tree.append(leaf);
    for (const cuts of [
      [0, 70],
      [0, 3, 17, 64, 70],
      [0, 1, 2, 33, 35, 69, 70],
    ]) {
      const stack = createRootStack();
      for (let i = 1; i < cuts.length; i++) {
        const range = createCompactRange(cuts[i - 1] as number);
        for (const leaf of leaves.slice(cuts[i - 1], cuts[i])) range.append(leaf);
        for (const s of range.subtrees()) stack.push(s);
        expect(stack.root()).toEqual(tree.root(cuts[i]));
      }
    }
  });
});
