import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils.js';

/** RFC 9162 §2.1: a leaf's hash, SHA-256(0x00 ‖ event hash). */
export const leafHash = (eventHashHex: string): Uint8Array =>
  sha256(concatBytes(new Uint8Array([0]), hexToBytes(eventHashHex)));
const node = (left: Uint8Array, right: Uint8Array) => sha256(concatBytes(new Uint8Array([1]), left, right));

/** The root of the tree over these leaf hashes (MTH), built bottom-up. */
export function rootOf(leaves: readonly Uint8Array[]): string {
  if (leaves.length === 0) return bytesToHex(sha256(new Uint8Array()));
  // Complete subtrees of 2^k leaves as the list grows; merged right to left at the end (RFC 9162).
  const stack: Array<{ size: number; hash: Uint8Array }> = [];
  for (const leaf of leaves) {
    let entry = { size: 1, hash: leaf };
    while (stack.length > 0 && stack[stack.length - 1]!.size === entry.size) {
      const left = stack.pop()!;
      entry = { size: left.size * 2, hash: node(left.hash, entry.hash) };
    }
    stack.push(entry);
  }
  let hash = stack.pop()!.hash;
  while (stack.length > 0) hash = node(stack.pop()!.hash, hash);
  return bytesToHex(hash);
}

/** RFC 9162 §2.1.3.2: whether the audit path proves the leaf at `index` in the tree of `size`. */
export function verifyInclusion(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly string[],
  rootHex: string,
): boolean {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const hex of proof) {
    const p = hexToBytes(hex);
    if (sn === 0) return false;
    if ((fn & 1) === 1 || fn === sn) {
      r = node(p, r);
      if ((fn & 1) === 0)
        while ((fn & 1) === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
    } else r = node(r, p);
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && bytesToHex(r) === rootHex;
}
