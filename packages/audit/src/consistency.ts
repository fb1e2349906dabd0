import { verifyConsistency } from './merkle.js';
import type { TreeHead } from './treeHead.js';

/** An old head as the auditor saved it: all consistency needs is its size and root. */
export type SavedHead = Pick<TreeHead, 'treeSize' | 'rootHash'>;

const HEX32 = /^[0-9a-f]{64}$/;

/**
 * A checkpoint file as an auditor keeps it: a tree head's JSON (tree-head.json of a bundle, an
 * entry of GET /audit/tree-heads, or what `dacxa proof --save` wrote), or an object holding one
 * as `treeHead`. Throws, naming the problem, on anything else.
 */
export function parseSavedHead(text: string): TreeHead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('Tệp gốc cây đã lưu không phải JSON (the saved checkpoint is not JSON)');
  }
  const head = ((value as { treeHead?: unknown } | null)?.treeHead ?? value) as Partial<TreeHead> | null;
  if (
    !head ||
    !Number.isSafeInteger(head.treeSize) ||
    (head.treeSize as number) < 1 ||
    !HEX32.test(String(head.rootHash)) ||
    typeof head.signedAt !== 'string' ||
    typeof head.keyId !== 'string' ||
    typeof head.signature !== 'string'
  )
    throw new Error(
      'Tệp gốc cây đã lưu thiếu treeSize, rootHash, signedAt, keyId hoặc signature (not a signed tree head)',
    );
  const { treeSize, rootHash, signedAt, keyId, signature } = head as TreeHead;
  return { treeSize, rootHash, signedAt, keyId, signature };
}

export interface ConsistencyCheck {
  from: SavedHead;
  to: TreeHead;
  /** RFC 9162 §2.1.4 consistency proof, hex, from the log's tree. */
  proof: string[];
  /** Whether the proof shows the saved root is a prefix of the new head's: nothing before was changed. */
  consistent: boolean;
}

/**
 * A consistency proof from the head an auditor saved to a newer signed head, checked against
 * the roots as the auditor holds them, never as the log recomputes them now: a log rewritten
 * since the saved head cannot produce a proof that verifies.
 */
export function proveConsistency(
  ledger: { consistency(first: number, second: number): string[]; readonly size: number },
  from: SavedHead,
  to: TreeHead,
): ConsistencyCheck {
  if (from.treeSize < 1 || from.treeSize > to.treeSize || to.treeSize > ledger.size)
    throw new RangeError(
      `no consistency proof from ${from.treeSize} to ${to.treeSize} in a tree of ${ledger.size}`,
    );
  const proof = ledger.consistency(from.treeSize, to.treeSize);
  const hex = (h: string) => Buffer.from(h, 'hex');
  const consistent = verifyConsistency(
    from.treeSize,
    to.treeSize,
    hex(from.rootHash),
    hex(to.rootHash),
    proof.map(hex),
  );
  return { from: { treeSize: from.treeSize, rootHash: from.rootHash }, to, proof, consistent };
}
