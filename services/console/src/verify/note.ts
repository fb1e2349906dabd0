import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** A verifier key (c2sp.org/signed-note): name, key hash, algorithm byte and the public key. */
export interface Vkey {
  name: string;
  keyHash: string;
  alg: number;
  publicKey: Uint8Array;
}

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** Parses `name+hash+base64(alg ‖ key)`; null when it is not one. */
export function parseVkey(text: string): Vkey | null {
  // The base64 key may itself hold '+': only the first two separate the fields.
  const [name, keyHash, ...rest] = text.trim().split('+');
  const key = rest.join('+');
  if (!name || !keyHash || !key || !/^[0-9a-f]{8}$/.test(keyHash)) return null;
  try {
    const bytes = fromBase64(key);
    if (bytes.length !== 33) return null;
    const vkey = { name, keyHash, alg: bytes[0]!, publicKey: bytes.slice(1) };
    return hashOf(vkey) === keyHash ? vkey : null;
  } catch {
    return null;
  }
}

/** A signed-note key hash: the first 4 bytes of SHA-256(name ‖ LF ‖ algorithm ‖ key), in hex. */
export const hashOf = (v: Pick<Vkey, 'name' | 'alg' | 'publicKey'>) =>
  bytesToHex(
    sha256(concatBytes(utf8ToBytes(`${v.name}\n`), new Uint8Array([v.alg]), v.publicKey)).slice(0, 4),
  );

/** The ledger's `keyId`: the first 16 hex digits of SHA-256 over the key's DER SubjectPublicKeyInfo. */
export function keyIdOf(publicKey: Uint8Array): string {
  const spki = concatBytes(
    Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]),
    publicKey,
  );
  return bytesToHex(sha256(spki)).slice(0, 16);
}

export interface NoteSignature {
  name: string;
  /** Whose pinned key verified it, and whether as the log (Ed25519) or as a witness (cosignature/v1). */
  verifiedAs: 'log' | 'witness' | null;
  /** A cosignature's time (POSIX seconds). */
  time?: number;
}

/** The body of a signed note and each signature line, checked against the pinned keys. */
export function verifyNote(
  text: string,
  pinned: readonly Vkey[],
): { body: string; signatures: NoteSignature[] } | null {
  const split = text.indexOf('\n\n');
  if (split < 0) return null;
  const body = text.slice(0, split + 1);
  const signatures: NoteSignature[] = [];
  for (const line of text
    .slice(split + 2)
    .split('\n')
    .filter(Boolean)) {
    const match = /^— (\S+) (\S+)$/.exec(line);
    if (!match) return null;
    const blob = fromBase64(match[2]!);
    const hash = bytesToHex(blob.slice(0, 4));
    const key = pinned.find((k) => k.name === match[1] && k.keyHash === hash);
    let verifiedAs: NoteSignature['verifiedAs'] = null;
    let time: number | undefined;
    if (key?.alg === 1 && ed25519.verify(blob.slice(4), utf8ToBytes(body), key.publicKey)) verifiedAs = 'log';
    if (key?.alg === 4 && blob.length === 76) {
      time = Number(new DataView(blob.buffer, blob.byteOffset + 4, 8).getBigUint64(0));
      const message = utf8ToBytes(`cosignature/v1\ntime ${time}\n${body}`);
      if (ed25519.verify(blob.slice(12), message, key.publicKey)) verifiedAs = 'witness';
    }
    signatures.push({ name: match[1]!, verifiedAs, ...(time === undefined ? {} : { time }) });
  }
  return { body, signatures };
}
