import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.js';

/** Makes an existing file owner-only (0600) if it is readable by anyone else. */
export function ownerOnly(file: string): void {
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
}

/**
 * A secret the embedded default keeps in DATA_DIR: generated once, owner-only, then read back on
 * every start. Deployments set the matching variable instead.
 */
export function firstRunFile(config: Config, name: string, generate: () => string): string {
  mkdirSync(config.DACXA_DATA_DIR, { recursive: true, mode: 0o700 });
  const file = join(config.DACXA_DATA_DIR, name);
  try {
    // 'wx': never over a file another process created meanwhile.
    if (!existsSync(file)) writeFileSync(file, `${generate().trim()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // A file from an older version, or copied in by hand, may be readable by others.
  ownerOnly(file);
  return readFileSync(file, 'utf8').trim();
}
