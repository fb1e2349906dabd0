import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { privateKeyFromSeed } from '@dacxa/audit';

/**
 * The witness's Ed25519 key: a 32-byte seed, base64, in a file only its owner reads (0600),
 * generated on first run. It belongs to the oversight body that runs the witness, on its own
 * machine, never beside the log's data.
 */
export function loadWitnessKey(file: string): KeyObject {
  if (!existsSync(file))
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  const seed = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (seed.length !== 32) throw new Error(`${file}: not a 32-byte Ed25519 seed in base64`);
  return privateKeyFromSeed(seed);
}
