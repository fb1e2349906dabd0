import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.js';

/**
 * The HS256 secret tokens are signed with: DACXA_JWT_SECRET, or for the embedded default one
 * generated on first run and kept owner-only in DATA_DIR/jwt.secret, so tokens outlive a restart.
 */
export function tokenSecret(config: Config): Uint8Array {
  if (config.DACXA_JWT_SECRET) return new TextEncoder().encode(config.DACXA_JWT_SECRET);
  mkdirSync(config.DACXA_DATA_DIR, { recursive: true });
  const file = join(config.DACXA_DATA_DIR, 'jwt.secret');
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}
