import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { BUNDLE_FILES as F, type BundleProof, type Manifest } from './bundleFormat.js';
import type { At, Problem } from './bundleFailure.js';
import { MerkleTree, leafHash, verifyInclusion } from './merkle.js';
import type { ReadEvent } from './parseLine.js';
import type { TreeHead } from './treeHead.js';

/**
 * Each event against the signed tree: a complete bundle rebuilds the tree, checking every head in
 * the log against the leaves before it and the signed root at the end; any other kind checks each
 * event's inclusion proof, read alongside it from proofs.ndjson.
 */
export function createTreeChecks(dir: string, manifest: Manifest) {
  const head = manifest.treeHead;
  const root = Buffer.from(head.rootHash, 'hex');
  const tree = manifest.kind === 'complete' ? new MerkleTree() : null;
  const proofs = tree
    ? null
    : createInterface({ input: createReadStream(join(dir, F.proofs)), crlfDelay: Infinity })[
        Symbol.asyncIterator
      ]();

  function append(event: ReadEvent, leaf: Buffer, at: At): Problem | null {
    if (!tree) return null;
    tree.append(leaf);
    if (event.envelope.type !== 'TreeHeadSigned') return null;
    // Every head signed earlier, kept in the log itself, must match the events before it.
    const earlier = event.envelope.data as unknown as TreeHead;
    return earlier.treeSize > tree.size - 1 ||
      tree.root(earlier.treeSize).toString('hex') !== earlier.rootHash
      ? {
          reason: 'head-mismatch',
          message: `the tree head signed at ${earlier.signedAt} (size ${earlier.treeSize}) does not match the events before it`,
          at,
        }
      : null;
  }

  return {
    async check(event: ReadEvent): Promise<Problem | null> {
      const at = { position: event.position, leafIndex: event.leafIndex };
      const leaf = leafHash(Buffer.from(event.hash, 'hex'));
      if (!proofs) return append(event, leaf, at);
      const next = await proofs.next();
      const proof = next.done ? null : (JSON.parse(next.value) as BundleProof);
      const proven =
        proof?.leafIndex === event.leafIndex &&
        verifyInclusion(
          event.leafIndex,
          head.treeSize,
          leaf,
          proof.proof.map((h) => Buffer.from(h, 'hex')),
          root,
        );
      return proven
        ? null
        : {
            reason: 'inclusion',
            message: `event ${event.position} is not proven to be in the signed tree`,
            at,
          };
    },
    end(): Problem | null {
      if (!tree) return null;
      if (tree.size !== head.treeSize)
        return {
          reason: 'missing',
          message: `the bundle ends at leaf ${tree.size - 1}; the signed tree has ${head.treeSize}`,
          at: { leafIndex: tree.size },
        };
      return tree.root().equals(root)
        ? null
        : { reason: 'root-mismatch', message: 'the events do not make the signed root' };
    },
  };
}
