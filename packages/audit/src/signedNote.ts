import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * C2SP signed notes (c2sp.org/signed-note): a text ending in a newline, a blank line, then one
 * line per signature, `— <key name> base64(key ID || signature)`. The format is small and fixed;
 * the cryptography is node:crypto's Ed25519 (RFC 8032). Held to Go's golang.org/x/mod/sumdb/note
 * test vectors byte for byte (signedNote.unit.spec.ts).
 */

/** Signature type bytes of signed-note: Ed25519 note signatures, and timestamped witness cosignatures. */
export const NOTE_ED25519 = 0x01;
export const COSIGNATURE_ED25519 = 0x04;

const ED25519_SPKI = Buffer.from('302a300506032b6570032100', 'hex');
const ED25519_PKCS8 = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A key that verifies note signatures: its name, 4-byte id, signature type and Ed25519 key. */
export interface NoteVerifier {
  name: string;
  id: number;
  type: number;
  key: KeyObject;
}

/** The 32 raw bytes of an Ed25519 public key. */
export function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(ED25519_SPKI.length);
}

/** An Ed25519 public key from its 32 raw bytes. */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI, raw]), format: 'der', type: 'spki' });
}

/** An Ed25519 private key from its 32-byte seed. */
export function privateKeyFromSeed(seed: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8, seed]), format: 'der', type: 'pkcs8' });
}

const validName = (name: string) => name.length > 0 && !/[\s+]/u.test(name);

/** key ID = SHA-256(key name || 0x0A || signature type || public key)[:4], big-endian. */
export function noteKeyId(name: string, type: number, publicKey: Uint8Array): number {
  const digest = createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), Buffer.from([type]), publicKey]))
    .digest();
  return digest.readUInt32BE(0);
}

/** A verifier key as text (`<name>+<hex id>+<base64(type || key)>`), as Go's note.NewVerifier reads it. */
export function formatVerifierKey(name: string, publicKey: KeyObject, type = NOTE_ED25519): string {
  if (!validName(name)) throw new Error(`bad key name: ${name}`);
  const raw = rawPublicKey(publicKey);
  const id = noteKeyId(name, type, raw).toString(16).padStart(8, '0');
  return `${name}+${id}+${Buffer.concat([Buffer.from([type]), raw]).toString('base64')}`;
}

/** Parses a verifier key text; throws on any malformed part, or an id that does not match the key. */
export function parseVerifierKey(vkey: string): NoteVerifier {
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/.exec(vkey);
  if (!match) throw new Error('malformed verifier key');
  const [, name = '', hexId = '', encoded = ''] = match;
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.toString('base64') !== encoded || bytes.length !== 33) throw new Error('malformed verifier key');
  const type = bytes[0] ?? 0;
  if (type !== NOTE_ED25519 && type !== COSIGNATURE_ED25519)
    throw new Error(`unknown signature type ${type}`);
  const raw = bytes.subarray(1);
  const id = Number.parseInt(hexId, 16);
  if (noteKeyId(name, type, raw) !== id) throw new Error('verifier key id does not match its key');
  return { name, id, type, key: publicKeyFromRaw(raw) };
}

/** One signature line of a note, for a text signed with an Ed25519 private key (type 0x01). */
export function signatureLine(text: string, name: string, privateKey: KeyObject): string {
  const raw = rawPublicKey(createPublicKey(privateKey));
  const id = Buffer.alloc(4);
  id.writeUInt32BE(noteKeyId(name, NOTE_ED25519, raw));
  const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
  return `— ${name} ${Buffer.concat([id, signature]).toString('base64')}\n`;
}

/** A signed note: its text, and every signature line in it (verified or not). */
export interface ParsedNote {
  text: string;
  signatures: Array<{ name: string; id: number; bytes: Buffer }>;
}

const MAX_SIGNATURES = 100;

/** Splits a note into its text and signature lines; throws on anything the format forbids. */
export function parseNote(note: string): ParsedNote {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f]/.test(note)) throw new Error('control character in note');
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new Error('malformed note');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new Error('too many signatures');
  const signatures = lines.map((line) => {
    const match = /^— (\S+) ([A-Za-z0-9+/]+=*)$/.exec(line);
    const bytes = Buffer.from(match?.[2] ?? '', 'base64');
    if (!match?.[1] || bytes.length < 5 || bytes.toString('base64') !== match[2])
      throw new Error('malformed signature line');
    return { name: match[1], id: bytes.readUInt32BE(0), bytes: bytes.subarray(4) };
  });
  return { text, signatures };
}

/**
 * Opens a note with the verifiers the reader trusts: signatures from unknown keys are ignored, a
 * known key's bad signature rejects the whole note, and at least one known key must have signed.
 * Returns the text and the names of the keys whose signatures verified.
 */
export function openNote(
  note: string,
  verifiers: readonly NoteVerifier[],
): { text: string; signedBy: string[] } {
  const { text, signatures } = parseNote(note);
  const signedBy: string[] = [];
  for (const signature of signatures) {
    const verifier = verifiers.find((v) => v.name === signature.name && v.id === signature.id);
    if (!verifier) continue;
    if (!verifies(verifier, text, signature.bytes))
      throw new Error(`signature by ${signature.name} does not verify`);
    signedBy.push(signature.name);
  }
  if (signedBy.length === 0) throw new Error('no signature by a trusted key');
  return { text, signedBy };
}

function verifies(verifier: NoteVerifier, text: string, bytes: Buffer): boolean {
  if (verifier.type === NOTE_ED25519)
    return bytes.length === 64 && verify(null, Buffer.from(text, 'utf8'), verifier.key, bytes);
  if (bytes.length !== 72) return false;
  const timestamp = bytes.readBigUInt64BE(0);
  return verify(null, cosignedMessage(text, timestamp), verifier.key, bytes.subarray(8));
}

/** What an Ed25519 cosignature (c2sp.org/tlog-cosignature, type 0x04) signs. */
export function cosignedMessage(checkpointText: string, timestamp: bigint): Buffer {
  return Buffer.from(`cosignature/v1\ntime ${timestamp}\n${checkpointText}`, 'utf8');
}

/** A witness's cosignature line over a checkpoint's text, at a POSIX time in seconds. */
export function cosignatureLine(
  checkpointText: string,
  name: string,
  privateKey: KeyObject,
  timestamp: bigint,
): string {
  const raw = rawPublicKey(createPublicKey(privateKey));
  const head = Buffer.alloc(12);
  head.writeUInt32BE(noteKeyId(name, COSIGNATURE_ED25519, raw), 0);
  head.writeBigUInt64BE(timestamp, 4);
  const signature = sign(null, cosignedMessage(checkpointText, timestamp), privateKey);
  return `— ${name} ${Buffer.concat([head, signature]).toString('base64')}\n`;
}
