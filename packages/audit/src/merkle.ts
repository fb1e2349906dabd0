import { createHash } from 'node:crypto';
import { HashArray } from './treeLevels.js';

// RFC 9162 §2.1: the Merkle Tree Hash over an ordered list of leaves.
const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

/** SHA-256(0x00 ‖ data): a leaf's hash. For the ledger, `data` is an event's 32-byte hash. */
export function leafHash(data: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF).update(data).digest();
}

/** SHA-256(0x01 ‖ left ‖ right): an interior node's hash. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE).update(left).update(right).digest();
}

/** The hash of the empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT = createHash('sha256').digest();

/** The largest power of two strictly less than n (n > 1): where RFC 9162 splits a list. */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * A Merkle tree grown one leaf at a time. Level k keeps the hash of every complete, aligned
 * subtree of 2^k leaves, so any subtree hash RFC 9162's algorithms ask for costs O(log n) and a
 * proof O(log² n), for any earlier tree size, with no recomputation over the leaves.
 */
export class MerkleTree {
  readonly #levels: HashArray[];

  /**
   * An empty tree, or one from its stored levels (`levels[k]`: the 32-byte hashes of its complete
   * aligned subtrees of 2^k leaves, in order), loaded without hashing; throws on rows of the wrong length.
   */
  constructor(levels: readonly Uint8Array[] = []) {
    const size = (levels[0]?.length ?? 0) / 32;
    // Appending leaves level k with ⌊n / 2^k⌋ hashes, and a level only once it has one.
    const expected = size === 0 ? 1 : Math.floor(Math.log2(size)) + 1;
    if (levels.length > 0 && levels.length !== expected)
      throw new RangeError(`a tree of ${size} leaves has ${expected} levels, not ${levels.length}`);
    levels.forEach((row, k) => {
      if (row.length !== Math.floor(size / 2 ** k) * 32)
        throw new RangeError(`level ${k} of a tree of ${size} leaves has ${row.length} bytes`);
    });
    this.#levels = levels.length > 0 ? levels.map((row) => new HashArray(row)) : [new HashArray()];
  }

  get size(): number {
    return this.#levels[0]?.length ?? 0;
  }

  /** How many levels the tree keeps (the leaves are level 0). */
  get height(): number {
    return this.#levels.length;
  }

  /** The hashes of level `k` from index `from` up to `to`, as a view (for saving the tree). */
  levelBytes(k: number, from: number, to: number): Buffer {
    return this.#level(k).bytes(from, to);
  }

  /** Whether each stored node above leaf `index` is the hash of its two stored children. */
  holdsAbove(index: number): boolean {
    for (let k = 0, i = index; k + 1 < this.#levels.length; k++, i >>= 1) {
      const parent = i >> 1;
      if (parent >= this.#level(k + 1).length) return true;
      const row = this.#level(k);
      if (!nodeHash(row.get(2 * parent), row.get(2 * parent + 1)).equals(this.#level(k + 1).get(parent)))
        return false;
    }
    return true;
  }

  /** Appends a leaf given its leaf hash (see `leafHash`). */
  append(leaf: Uint8Array): void {
    let level = 0;
    let hash: Buffer | Uint8Array = leaf;
    for (;;) {
      const row = this.#levels[level] ?? (this.#levels[level] = new HashArray());
      row.push(hash);
      if (row.length % 2 === 1) return;
      hash = nodeHash(row.get(row.length - 2), row.get(row.length - 1));
      level++;
    }
  }

  leaf(index: number): Buffer {
    return this.#level(0).get(index);
  }

  #level(k: number): HashArray {
    const row = this.#levels[k];
    if (!row) throw new RangeError(`no level ${k}`);
    return row;
  }

  /** MTH(D[start : start + n]) for a range inside the tree. */
  #hash(start: number, n: number): Buffer {
    if (n === 0) return EMPTY_ROOT;
    // An aligned power-of-two range is stored whole.
    if ((n & (n - 1)) === 0 && start % n === 0) return this.#level(Math.log2(n)).get(start / n);
    const k = split(n);
    return nodeHash(this.#hash(start, k), this.#hash(start + k, n - k));
  }

  /** The root of the tree as it stood at `size` leaves. */
  root(size = this.size): Buffer {
    this.#check(size);
    return this.#hash(0, size);
  }

  /** PATH(m, D[0:n]) of RFC 9162 §2.1.3.1: the audit path of leaf `index` in the tree of `size`. */
  inclusionProof(index: number, size = this.size): Buffer[] {
    this.#check(size);
    if (index < 0 || index >= size) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
    const path = (m: number, start: number, n: number): Buffer[] => {
      if (n === 1) return [];
      const k = split(n);
      return m < k
        ? [...path(m, start, k), this.#hash(start + k, n - k)]
        : [...path(m - k, start + k, n - k), this.#hash(start, k)];
    };
    return path(index, 0, size);
  }

  /** PROOF(m, D[0:n]) of RFC 9162 §2.1.4.1: that the tree of `first` leaves is a prefix of `second`. */
  consistencyProof(first: number, second = this.size): Buffer[] {
    this.#check(second);
    if (first < 1 || first > second) throw new RangeError(`no consistency proof from ${first} to ${second}`);
    const subproof = (m: number, start: number, n: number, complete: boolean): Buffer[] => {
      if (m === n) return complete ? [] : [this.#hash(start, n)];
      const k = split(n);
      return m <= k
        ? [...subproof(m, start, k, complete), this.#hash(start + k, n - k)]
        : [...subproof(m - k, start + k, n - k, false), this.#hash(start, k)];
    };
    return subproof(first, 0, second, true);
  }

  #check(size: number): void {
    if (!Number.isInteger(size) || size < 0 || size > this.size)
      throw new RangeError(`the tree has ${this.size} leaves, not ${size}`);
  }
}

const equal = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

/**
 * RFC 9162 §2.1.3.2: whether `proof` shows the leaf with hash `leaf` at `index` in the tree of
 * `size` leaves whose root is `root`. Needs nothing but the proof: an auditor runs it offline.
 */
export function verifyInclusion(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn >> 1, sn >> 1];
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [fn >> 1, sn >> 1];
  }
  return sn === 0 && equal(r, root);
}

/**
 * RFC 9162 §2.1.4.2: whether `proof` shows that the tree of `first` leaves (root `firstRoot`) is
 * a prefix of the tree of `second` leaves (root `secondRoot`): nothing before was changed.
 */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (first < 1 || first > second) return false;
  if (first === second) return proof.length === 0 && equal(firstRoot, secondRoot);
  let path = [...proof];
  // A first tree that is a complete left subtree is its own first node.
  if ((first & (first - 1)) === 0) path = [firstRoot, ...path];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) [fn, sn] = [fn >> 1, sn >> 1];
  const [head, ...rest] = path;
  if (!head) return false;
  let fr: Uint8Array = head;
  let sr: Uint8Array = head;
  for (const c of rest) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn >> 1, sn >> 1];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [fn >> 1, sn >> 1];
  }
  return sn === 0 && equal(fr, firstRoot) && equal(sr, secondRoot);
}
