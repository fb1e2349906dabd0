import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { PersonalCategory } from '@dacxa/domain';
import { canonicalJson, type JsonValue } from '@dacxa/event-store';
import { SealIntegrityError } from './errors.js';

/** How a sealed field looks in a stored event: whose key sealed it, and the sealed bytes. */
export interface SealedValue {
  $sealed: 1;
  /** The data subject whose key sealed it. */
  p: string;
  /** Its category, so a view document can be opened by role without its event's schema. */
  c: PersonalCategory;
  /** The event type and field it was sealed in: bound into the AAD, so it opens only as what it is. */
  t: string;
  f: string;
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
 * Additional authenticated data: binds the ciphertext to its subject, category, event type and field,
 * so a sealed value copied into another event or field, or relabelled to a laxer category, fails to open.
 */
function aad(personId: string, category: PersonalCategory, type: string, path: string): Buffer {
  return Buffer.from(`dacxa-seal-v2|${personId}|${category}|${type}|${path}`, 'utf8');
}

/** Seals one field's value under a person's 32-byte data key. */
export function sealValue(
  value: JsonValue,
  key: Buffer,
  personId: string,
  type: string,
  path: string,
  category: PersonalCategory,
): SealedValue {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(personId, category, type, path));
  const body = Buffer.concat([cipher.update(canonicalJson(value), 'utf8'), cipher.final()]);
  return {
    $sealed: 1,
    p: personId,
    c: category,
    t: type,
    f: path,
    v: Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url'),
  };
}

/**
 * Opens a sealed value; throws SealIntegrityError if it was altered, or (when `type` and `path` are
 * given, as for an event) if it does not sit where it was sealed.
 */
export function openValue(
  sealed: SealedValue,
  key: Buffer,
  type: string = sealed.t,
  path: string = sealed.f,
): JsonValue {
  const bytes = Buffer.from(sealed.v, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(aad(sealed.p, sealed.c, type, path));
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
