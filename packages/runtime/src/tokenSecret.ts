import { randomBytes } from 'node:crypto';
import type { Config } from './config.js';
import { firstRunFile } from './firstRunFile.js';

/**
 * The HS256 secret tokens are signed with: DACXA_JWT_SECRET, or for the embedded default one
 * generated on first run and kept owner-only in the key folder (jwt.secret, beside DATA_DIR), so tokens outlive a restart.
 */
export function tokenSecret(config: Config): Uint8Array {
  return new TextEncoder().encode(
    config.DACXA_JWT_SECRET ??
      firstRunFile(config, 'jwt.secret', () => randomBytes(32).toString('base64url')),
  );
}
