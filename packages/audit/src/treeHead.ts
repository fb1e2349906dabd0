import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

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
  };
}

/** Whether `head` was signed by the holder of `publicKeyPem` and names that key. */
export function verifyTreeHead(head: TreeHead, publicKeyPem: string): boolean {
  const publicKey = createPublicKey(publicKeyPem);
  return (
    head.keyId === keyIdOf(publicKey) &&
    verify(null, treeHeadMessage(head), publicKey, Buffer.from(head.signature, 'base64'))
  );
}
