import { createHash } from 'node:crypto';

/** prevHash of a stream's first event: 32 zero bytes, in hex. */
export const GENESIS_HASH = '0'.repeat(64);

/** hex SHA-256( prevHash as 32 raw bytes ‖ canonical envelope as UTF-8 ). See docs/event-hashing.md. */
export function chainHash(prevHash: string, canonicalEnvelope: string): string {
  return createHash('sha256').update(prevHash, 'hex').update(canonicalEnvelope, 'utf8').digest('hex');
}
