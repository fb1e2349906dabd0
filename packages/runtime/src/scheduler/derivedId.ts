import { createHash } from 'node:crypto';

/**
 * A record id the clock derives from what it stands for: SHA-256 of a fixed prefix and a key,
 * shaped as an RFC 9562 version 8 UUID, so every re-run, restart and instance names the same record.
 */
export function derivedId(prefix: string, key: string): string {
  const hex = createHash('sha256').update(`${prefix}:${key}`).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
