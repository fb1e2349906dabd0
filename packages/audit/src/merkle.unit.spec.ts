import { describe, expect, it } from 'vitest';
import { EMPTY_ROOT, MerkleTree, leafHash, nodeHash, verifyConsistency, verifyInclusion } from './merkle.js';

// The leaves of Certificate Transparency's own test vectors (RFC 6962 §2.1 shares RFC 9162's hashing).
const CT_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

/** MTH straight from the RFC's definition, to hold the incremental tree to. */
function reference(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0] as Buffer;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(reference(leaves.slice(0, k)), reference(leaves.slice(k)));
}

function treeOf(n: number): { tree: MerkleTree; leaves: Buffer[] } {
  const tree = new MerkleTree();
  const leaves = Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`sự kiện ${i}`)));
  leaves.forEach((l) => tree.append(l));
  return { tree, leaves };
}

describe('Merkle tree (RFC 9162)', () => {
  it('reproduces Certificate Transparency’s roots for every prefix of its eight test leaves', () => {
    const tree = new MerkleTree();
    expect(tree.root().toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    CT_LEAVES.forEach((hex, i) => {
      tree.append(leafHash(Buffer.from(hex, 'hex')));
      expect(tree.root().toString('hex')).toBe(CT_ROOTS[i]);
    });
  });

  it('keeps the root of every earlier size, equal to the RFC’s definition', () => {
    const { tree, leaves } = treeOf(70);
    for (let n = 0; n <= 70; n++)
      expect(tree.root(n).equals(reference(leaves.slice(0, n))), `size ${n}`).toBe(true);
  });

  it('proves every leaf’s inclusion at every size, and a proof fails for another leaf, index or root', () => {
    const { tree, leaves } = treeOf(33);
    for (let n = 1; n <= 33; n++) {
      const root = tree.root(n);
      for (let i = 0; i < n; i++) {
        const proof = tree.inclusionProof(i, n);
        expect(verifyInclusion(i, n, leaves[i] as Buffer, proof, root), `${i} in ${n}`).toBe(true);
        if (n > 1) expect(verifyInclusion((i + 1) % n, n, leaves[i] as Buffer, proof, root)).toBe(false);
      }
    }
    expect(verifyInclusion(3, 33, leaves[4] as Buffer, tree.inclusionProof(3, 33), tree.root(33))).toBe(
      false,
    );
    expect(verifyInclusion(3, 33, leaves[3] as Buffer, tree.inclusionProof(3, 33), tree.root(32))).toBe(
      false,
    );
  });

  it('proves every earlier size consistent with every later one, and not with a rewritten history', () => {
    const { tree } = treeOf(33);
    for (let m = 1; m <= 33; m++)
      for (let n = m; n <= 33; n++)
        expect(
          verifyConsistency(m, n, tree.root(m), tree.root(n), tree.consistencyProof(m, n)),
          `${m}→${n}`,
        ).toBe(true);
    const rewritten = new MerkleTree();
    const { leaves } = treeOf(33);
    leaves.forEach((l, i) => rewritten.append(i === 5 ? leafHash(Buffer.from('sửa lại')) : l));
    expect(
      verifyConsistency(10, 33, tree.root(10), rewritten.root(33), rewritten.consistencyProof(10, 33)),
    ).toBe(false);
  });
});
