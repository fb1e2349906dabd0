import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Config } from './config.js';

/** Makes an existing file owner-only (0600) if it is readable by anyone else. */
export function ownerOnly(file: string): void {
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
}

/** The secrets' folder: DACXA_KEY_DIR, or `<DATA_DIR>-keys` beside the data (never inside it). */
export function keyDir(config: Config): string {
  const data = config.DACXA_DATA_DIR.replace(/[/\\]+$/, '');
  return config.DACXA_KEY_DIR ?? join(dirname(data), `${basename(data)}-keys`);
}

/**
 * A secret the embedded default keeps in the key folder: generated once, owner-only (0600, in a
 * 0700 folder), then read back on every start. A backup of the data folder never carries it, so a
 * stolen backup opens nothing and signs nothing. Deployments set the matching variable instead.
 */
export function firstRunFile(config: Config, name: string, generate: () => string): string {
  const dir = keyDir(config);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, name);
  // An older version kept its secrets in DATA_DIR: move them out once, so nothing is regenerated.
  const old = join(config.DACXA_DATA_DIR, name);
  if (!existsSync(file) && existsSync(old)) renameSync(old, file);
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
