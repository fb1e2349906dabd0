import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { checkpointText } from './checkpoint.js';
import { manifestMessage, streamHeadMessage, type StreamHead } from './signedStatements.js';
import { formatVerifierKey, signatureLine } from './signedNote.js';

/** A signed tree head: the ledger's size and root at a moment, and the Ed25519 signature over them. */
export interface TreeHead {
  treeSize: number;
  /** Hex of the RFC 9162 root over the first `treeSize` leaves. */
  rootHash: string;
  signedAt: string;
  /** The first 16 hex digits of SHA-256 over the public key's DER (SPKI) bytes. */
  keyId: string;
  /** Base64 of the 64-byte Ed25519 signature over `treeHeadMessage`. */
  signature: string;
}

/** Exactly the bytes that are signed (docs/audit-format.md): four lines, UTF-8, each ending in \n. */
export function treeHeadMessage(head: Pick<TreeHead, 'treeSize' | 'rootHash' | 'signedAt'>): Buffer {
  return Buffer.from(`dacxa-tree-head-v1\n${head.treeSize}\n${head.rootHash}\n${head.signedAt}\n`, 'utf8');
}

/** The key id of a public key: who signed, so a verifier can pick the key it trusts. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** A new Ed25519 private key, PEM (PKCS#8): what the embedded default generates on first run. */
export function generateSigningKey(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export interface TreeHeadSigner {
  keyId: string;
  publicKeyPem: string;
  sign(treeSize: number, rootHash: string, signedAt: string): TreeHead;
  /** A stream's last event at a signed tree: what makes a disclosure provably whole. */
  signStreamHead(head: Omit<StreamHead, 'keyId' | 'signature'>): StreamHead;
  /** Base64 of the signature over a bundle's manifest.json bytes (docs/audit-format.md §4). */
  signManifest(manifestBytes: Uint8Array): string;
  /**
   * The same tree as a C2SP checkpoint (c2sp.org/tlog-checkpoint) signed with the same key under
   * the log's origin: what witnesses cosign and C2SP tools verify (docs/witnesses.md).
   */
  signCheckpoint(origin: string, treeSize: number, rootHash: string): string;
  /** The log's verifier key for an origin (`<origin>+<id>+<key>`), as C2SP tools read it. */
  verifierKey(origin: string): string;
}

/** Signs tree heads with an Ed25519 private key (PEM). */
export function createTreeHeadSigner(privateKeyPem: string): TreeHeadSigner {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the audit key must be an Ed25519 key');
  const publicKey = createPublicKey(privateKey);
  const keyId = keyIdOf(publicKey);
  return {
    keyId,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign(treeSize, rootHash, signedAt) {
      const signature = sign(null, treeHeadMessage({ treeSize, rootHash, signedAt }), privateKey).toString(
        'base64',
      );
      return { treeSize, rootHash, signedAt, keyId, signature };
    },
    signStreamHead(head) {
      const signature = sign(null, streamHeadMessage(head), privateKey).toString('base64');
      return { ...head, keyId, signature };
    },
    signManifest(manifestBytes) {
      return sign(null, manifestMessage(manifestBytes), privateKey).toString('base64');
    },
    signCheckpoint(origin, treeSize, rootHash) {
      const text = checkpointText({ origin, size: treeSize, rootHash: Buffer.from(rootHash, 'hex') });
      return `${text}\n${signatureLine(text, origin, privateKey)}`;
    },
    verifierKey(origin) {
      return formatVerifierKey(origin, publicKey);
    },
  };
}

/** Whether `signature` (base64) over `message` is by the key `publicKeyPem`, and `keyId` names it. */
export function verifySigned(
  message: Uint8Array,
  keyId: string,
  signature: string,
  publicKeyPem: string,
): boolean {
  const publicKey = createPublicKey(publicKeyPem);
  return keyId === keyIdOf(publicKey) && verify(null, message, publicKey, Buffer.from(signature, 'base64'));
}

/** Whether `head` was signed by the holder of `publicKeyPem` and names that key. */
export function verifyTreeHead(head: TreeHead, publicKeyPem: string): boolean {
  return verifySigned(treeHeadMessage(head), head.keyId, head.signature, publicKeyPem);
}

/** Whether a stream head was signed by the holder of `publicKeyPem` and names that key. */
export function verifyStreamHead(head: StreamHead, publicKeyPem: string): boolean {
  return verifySigned(streamHeadMessage(head), head.keyId, head.signature, publicKeyPem);
}

/** Whether `signature` (base64) over manifest.json's bytes is by the key `keyId` names, `publicKeyPem`. */
export function verifyManifestSignature(
  manifestBytes: Uint8Array,
  keyId: string,
  signature: string,
  publicKeyPem: string,
): boolean {
  return verifySigned(manifestMessage(manifestBytes), keyId, signature, publicKeyPem);
}
