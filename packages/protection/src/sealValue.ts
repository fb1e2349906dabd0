import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { canonicalJson, type JsonValue } from '@dacxa/event-store';
import { SealIntegrityError } from './errors.js';

/** How a sealed field looks in a stored event: whose key sealed it, and the sealed bytes. */
export interface SealedValue {
  $sealed: 1;
  /** The data subject whose key sealed it. */
  p: string;
  /** base64url( 12-byte IV ‖ AES-256-GCM ciphertext ‖ 16-byte tag ). */
  v: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Whether a stored value is a sealed field. */
export function isSealed(value: unknown): value is SealedValue {
  return typeof value === 'object' && value !== null && (value as { $sealed?: unknown }).$sealed === 1;
}

/**
 * Additional authenticated data: binds the ciphertext to its subject, event type and field, so a
 * sealed value copied into another event or field fails to open.
 */
function aad(personId: string, type: string, path: string): Buffer {
  return Buffer.from(`dacxa-seal-v1|${personId}|${type}|${path}`, 'utf8');
}

/** Seals one field's value under a person's 32-byte data key. */
export function sealValue(
  value: JsonValue,
  key: Buffer,
  personId: string,
  type: string,
  path: string,
): SealedValue {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(personId, type, path));
  const body = Buffer.concat([cipher.update(canonicalJson(value), 'utf8'), cipher.final()]);
  return { $sealed: 1, p: personId, v: Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url') };
}

/** Opens a sealed value; throws SealIntegrityError if it was altered or moved. */
export function openValue(sealed: SealedValue, key: Buffer, type: string, path: string): JsonValue {
  const bytes = Buffer.from(sealed.v, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(aad(sealed.p, type, path));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]);
    return JSON.parse(plain.toString('utf8')) as JsonValue;
  } catch {
    throw new SealIntegrityError(path);
  }
}
