import { createHash, type Hash } from 'node:crypto';

// One SHA-256 object per purpose, its one-byte prefix already hashed: each hash copies it.
const LEAF: Hash = createHash('sha256').update(Buffer.from([0x00]));
const NODE: Hash = createHash('sha256').update(Buffer.from([0x01]));

/** SHA-256(0x00 ‖ data), from the prefix-hashed object (RFC 9162 §2.1.1). */
export const leafOf = (data: Uint8Array): Buffer => LEAF.copy().update(data).digest();
/** SHA-256(0x01 ‖ left ‖ right). */
export const nodeOf = (left: Uint8Array, right: Uint8Array): Buffer =>
  NODE.copy().update(left).update(right).digest();

/** A perfect subtree: its hash and its number of leaves (a power of two). */
export interface Subtree {
  hash: Buffer;
  size: number;
}

/**
 * The RFC 9162 root of a tree grown one leaf (or one aligned perfect subtree) at a time, in
 * O(log n) memory: the stack holds one perfect subtree per set bit of the size, largest first,
 * like binary addition. The root folds them from the right, as MTH splits at the largest power
 * of two below n.
 */
export function createRootStack(initial: readonly Subtree[] = []) {
  const stack: Subtree[] = [...initial];
  let size = initial.reduce((n, s) => n + s.size, 0);
  return {
    get size(): number {
      return size;
    },
    /** Appends a perfect subtree whose first leaf is at `size`, aligned to its own size. */
    push(subtree: Subtree): void {
      let top = subtree;
      size += top.size;
      for (let below = stack.at(-1); below && below.size === top.size; below = stack.at(-1)) {
        stack.pop();
        top = { hash: nodeOf(below.hash, top.hash), size: top.size * 2 };
      }
      stack.push(top);
    },
    /** MTH of the leaves so far (SHA-256 of nothing for none). */
    root(): Buffer {
      let root: Buffer | undefined;
      for (let i = stack.length - 1; i >= 0; i--) {
        const node = stack[i] as Subtree;
        root = root ? nodeOf(node.hash, root) : node.hash;
      }
      return root ?? createHash('sha256').digest();
    },
    subtrees: (): Subtree[] => [...stack],
  };
}

/**
 * The compact range of leaves from `start` (RFC 9162 style): the aligned perfect subtrees that
 * cover them, merged as soon as two make an aligned one. A worker folds its chunk into this; the
 * main thread pushes the subtrees, in order, onto its root stack.
 */
export function createCompactRange(start: number) {
  const range: Array<Subtree & { first: number }> = [];
  let end = start;
  return {
    append(leaf: Buffer): void {
      let top = { hash: leaf, size: 1, first: end++ };
      for (let left = range.at(-1); left; left = range.at(-1)) {
        if (left.size !== top.size || left.first % (2 * left.size) !== 0) break;
        range.pop();
        top = { hash: nodeOf(left.hash, top.hash), size: top.size * 2, first: left.first };
      }
      range.push(top);
    },
    subtrees: (): Subtree[] => range.map(({ hash, size }) => ({ hash, size })),
  };
}
