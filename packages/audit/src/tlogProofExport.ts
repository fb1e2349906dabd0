import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Ledger } from './ledger.js';
import type { CheckpointSource } from './publishedCheckpoint.js';
import { BUNDLE_FILES as F, tlogProofName } from './bundleFormat.js';
import { formatTlogProof } from './tlogProof.js';
import type { TreeHead, TreeHeadSigner } from './treeHead.js';

/** The origin of a log-only checkpoint when the caller names none (the service's default). */
export const DEFAULT_ORIGIN = 'dacxa.local/log';

/** Where an export is cut: a signed head and the checkpoint note at the same size and root. */
export interface CheckpointCut {
  head: TreeHead;
  note: string;
  /** Whether witnesses cosigned it (a published checkpoint), or only the log signed it. */
  cosigned: boolean;
}

/**
 * The cut of an export. Without a checkpoint source, the covering head, and its checkpoint signed
 * by the log alone. With one, the first published (cosigned) checkpoint covering that head, and
 * a head signed at the checkpoint's size (the ledger's, or one signed now): the bundle's head,
 * stream heads, proofs and tlog-proofs then all stand at one tree, the one the witnesses cosigned.
 */
export async function cutAtCheckpoint(options: {
  ledger: Ledger;
  signer: TreeHeadSigner;
  checkpoints?: CheckpointSource;
  origin?: string;
  headTimeoutMs?: number;
}): Promise<CheckpointCut> {
  const { ledger, signer, checkpoints } = options;
  const covering = await ledger.headCovering(options.headTimeoutMs);
  if (!checkpoints) {
    const note = signer.signCheckpoint(
      options.origin ?? DEFAULT_ORIGIN,
      covering.treeSize,
      covering.rootHash,
    );
    return { head: covering, note, cosigned: false };
  }
  const published = await checkpoints.covering(covering.treeSize, options.headTimeoutMs);
  await ledger.waitForSize(published.treeSize);
  // Checkpoints are published at any size the tree reached, heads every N events: where no head
  // of the log stands at the checkpoint's size, the log signs one now, over the same root.
  const head =
    published.treeSize === covering.treeSize
      ? covering
      : (ledger.heads().find((h) => h.treeSize === published.treeSize && h.keyId === signer.keyId) ??
        signer.sign(published.treeSize, ledger.root(published.treeSize), new Date().toISOString()));
  if (head.rootHash !== published.rootHash)
    throw new Error(
      `Điểm kiểm tra đã công bố (kích thước ${published.treeSize}) không khớp gốc cây nào đã ký trong sổ cái ` +
        `(the published checkpoint matches no signed tree head of the ledger)`,
    );
  return { head, note: published.note, cosigned: true };
}

/** Writes the checkpoint file and returns a writer of each selected event's tlog-proof file. */
export function openTlogProofs(dir: string, cut: CheckpointCut) {
  writeFileSync(join(dir, F.checkpoint), cut.note);
  mkdirSync(join(dir, dirname(tlogProofName(0))), { recursive: true });
  return (leafIndex: number, proof: readonly string[]): void => {
    const hashes = proof.map((h) => Buffer.from(h, 'hex'));
    writeFileSync(
      join(dir, tlogProofName(leafIndex)),
      formatTlogProof({ index: leafIndex, proof: hashes, note: cut.note }),
    );
  };
}
