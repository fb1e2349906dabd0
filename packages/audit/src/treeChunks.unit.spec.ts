import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LeafPositions } from './leafPositions.js';
import { MerkleTree, leafHash } from './merkle.js';
import { changedChunks, treeFromChunks } from './treeChunks.js';
import { TREE_CHUNK, createMemoryTreeStore, type StoredTree } from './treeStore.js';

/** Flips one bit of a stored chunk in place, as a tampered or damaged file would hold it. */
const flip = (bytes: Uint8Array | undefined, at: number) => {
  if (!bytes) throw new Error('no such chunk');
  bytes[at] = (bytes[at] ?? 0) ^ 1;
};

// fast-check is not a dependency of @dacxa/audit: a seeded generator gives the same random cases every run.
function random(seed: number) {
  let s = seed >>> 0;
  return (below: number) => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s % below;
  };
}
const leaf = (n: number) => leafHash(createHash('sha256').update(String(n)).digest());

/** A tree of `size` leaves saved in random batches as the ledger saves it, and its store. */
function grownAndSaved(size: number, next: (below: number) => number) {
  const tree = new MerkleTree();
  const positions = new LeafPositions();
  const store = createMemoryTreeStore();
  let saved = 0;
  while (tree.size < size) {
    const batch = 1 + next(Math.min(size - tree.size, next(2) ? 7 : 3 * TREE_CHUNK));
    for (let i = 0; i < batch && tree.size < size; i++) {
      positions.push(BigInt(tree.size * 3 + 1));
      tree.append(leaf(tree.size));
    }
    store.save(changedChunks(tree, positions, saved));
    saved = tree.size;
  }
  return { tree, positions, store };
}

describe('a saved tree, loaded', () => {
  it('has the roots, proofs and positions of the tree built leaf by leaf, at random sizes', () => {
    const next = random(9162);
    for (let run = 0; run < 40; run++) {
      const size = 1 + next(run % 4 === 0 ? 5 * TREE_CHUNK : 300);
      const { tree, positions, store } = grownAndSaved(size, next);
      const loaded = treeFromChunks(store.load() as StoredTree);
      expect(loaded.tree.size).toBe(size);
      for (let probe = 0; probe < 10; probe++) {
        const at = 1 + next(size);
        const index = next(at);
        const first = 1 + next(at);
        expect(loaded.tree.root(at)).toEqual(tree.root(at));
        expect(loaded.tree.inclusionProof(index, at)).toEqual(tree.inclusionProof(index, at));
        expect(loaded.tree.consistencyProof(first, at)).toEqual(tree.consistencyProof(first, at));
        expect(loaded.positions.at(index)).toBe(positions.at(index));
        expect(loaded.tree.holdsAbove(index)).toBe(true);
      }
    }
  });

  it('grows on from where it was saved as the tree it was saved from does', () => {
    const { tree, store } = grownAndSaved(2 * TREE_CHUNK + 5, random(1));
    const { tree: loaded } = treeFromChunks(store.load() as StoredTree);
    for (let n = tree.size; n < 3 * TREE_CHUNK; n++) {
      tree.append(leaf(n));
      loaded.append(leaf(n));
    }
    expect(loaded.root()).toEqual(tree.root());
    expect(loaded.inclusionProof(7)).toEqual(tree.inclusionProof(7));
  });

  it('reads only up to the stored size when a larger tree was saved over it', () => {
    const { tree, positions, store } = grownAndSaved(1500, random(2));
    // Another process, behind this one, saves its smaller tree of the same log.
    const smaller = grownAndSaved(1000, random(3));
    store.save(changedChunks(smaller.tree, smaller.positions, 900));
    expect(treeFromChunks(store.load() as StoredTree).tree.root()).toEqual(smaller.tree.root());
    store.save(changedChunks(tree, positions, 0));
    expect(treeFromChunks(store.load() as StoredTree).tree.root()).toEqual(tree.root());
  });

  it('refuses rows of the wrong length or a missing chunk', () => {
    const { store } = grownAndSaved(3 * TREE_CHUNK, random(4));
    const stored = store.load() as StoredTree;
    expect(() => treeFromChunks({ ...stored, size: stored.size + 1 })).toThrow(RangeError);
    const gap = { ...stored, nodes: stored.nodes.filter((c) => !(c.level === 0 && c.index === 1)) };
    expect(() => treeFromChunks(gap)).toThrow(RangeError);
  });

  it('shows a node that is not the hash of its children', () => {
    const { store } = grownAndSaved(64, random(5));
    const stored = store.load() as StoredTree;
    const level2 = stored.nodes.find((c) => c.level === 2);
    flip(level2?.bytes, 5 * 32 + 1);
    const { tree } = treeFromChunks(stored);
    expect(tree.holdsAbove(0)).toBe(true);
    expect(tree.holdsAbove(20)).toBe(false);
  });
});
