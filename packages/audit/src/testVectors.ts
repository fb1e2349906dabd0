import { createHash, createPrivateKey } from 'node:crypto';
import { MerkleTree, leafHash } from './merkle.js';
import { cosignatureLine, formatVerifierKey, privateKeyFromSeed, COSIGNATURE_ED25519 } from './signedNote.js';
import { formatTlogProof } from './tlogProof.js';
import { createTreeHeadSigner, treeHeadMessage } from './treeHead.js';
import { createPublicKey } from 'node:crypto';

/** The fixed Ed25519 key of the vectors: PKCS#8 DER of the 32-byte seed 0x00…0x1f. Never a real key. */
const SEED = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
export const VECTOR_KEY_PEM = createPrivateKey({
  key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), SEED]),
  format: 'der',
  type: 'pkcs8',
})
  .export({ type: 'pkcs8', format: 'pem' })
  .toString();

/**
 * The test vectors of docs/audit-format.md, computed: seven event hashes, their leaves, roots,
 * an inclusion and a consistency proof, and a signed tree head. A test holds the document to them.
 */
export function auditTestVectors(): string {
  const eventHashes = Array.from({ length: 7 }, (_, i) =>
    createHash('sha256').update(`dacxa-vector-${i}`).digest('hex'),
  );
  const tree = new MerkleTree();
  const lines: string[] = ['event hashes (hex), in log order:'];
  eventHashes.forEach((h, i) => {
    const leaf = leafHash(Buffer.from(h, 'hex'));
    tree.append(leaf);
    lines.push(`  ${i}: ${h}`, `     leaf = ${leaf.toString('hex')}`);
  });
  lines.push('roots by tree size:');
  for (let n = 1; n <= 7; n++) lines.push(`  ${n}: ${tree.root(n).toString('hex')}`);
  lines.push('inclusion proof of leaf 2 in the tree of 7 (leaf to root):');
  for (const h of tree.inclusionProof(2, 7)) lines.push(`  ${h.toString('hex')}`);
  lines.push('consistency proof from size 3 to size 7:');
  for (const h of tree.consistencyProof(3, 7)) lines.push(`  ${h.toString('hex')}`);
  const signer = createTreeHeadSigner(VECTOR_KEY_PEM);
  const head = signer.sign(7, tree.root(7).toString('hex'), '2026-11-22T00:00:00.000Z');
  lines.push(
    'tree head signed with the vector key (Ed25519 seed 000102…1f):',
    `  signed bytes (JSON string): ${JSON.stringify(treeHeadMessage(head).toString('utf8'))}`,
    `  keyId: ${head.keyId}`,
    `  signature (base64): ${head.signature}`,
    '  public key:',
    ...signer.publicKeyPem
      .trim()
      .split('\n')
      .map((l) => `  ${l}`),
  );
  lines.push(...tlogProofVector(tree, signer));
  return lines.join('\n');
}

/** The origin and witness of the tlog-proof vector; the witness key is the seed 0x20…0x3f. */
export const VECTOR_ORIGIN = 'example.com/dacxa-vectors';
export const VECTOR_WITNESS = 'example.com/witness';
const WITNESS_SEED = Buffer.from(Array.from({ length: 32 }, (_, i) => 32 + i));

/** Leaf 2's tlog-proof in the tree of 7: the checkpoint signed by the vector key and cosigned by the witness. */
function tlogProofVector(tree: MerkleTree, signer: ReturnType<typeof createTreeHeadSigner>): string[] {
  const witness = privateKeyFromSeed(WITNESS_SEED);
  const note = signer.signCheckpoint(VECTOR_ORIGIN, 7, tree.root(7).toString('hex'));
  const text = note.slice(0, note.indexOf('\n\n') + 1);
  const cosigned = `${note}${cosignatureLine(text, VECTOR_WITNESS, witness, 1_795_000_000n)}`;
  const proof = formatTlogProof({ index: 2, proof: tree.inclusionProof(2, 7), note: cosigned });
  return [
    `tlog-proof of leaf 2 in the tree of 7, checkpoint cosigned at POSIX time 1795000000:`,
    `  log vkey: ${signer.verifierKey(VECTOR_ORIGIN)}`,
    `  witness vkey (Ed25519 seed 202122…3f): ${formatVerifierKey(VECTOR_WITNESS, createPublicKey(witness), COSIGNATURE_ED25519)}`,
    '  proof lines (base64):',
    ...tree.inclusionProof(2, 7).map((h) => `    ${h.toString('base64')}`),
    `  .tlog-proof (JSON string): ${JSON.stringify(proof)}`,
  ];
}
