import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.js';

/**
 * A secret the embedded default keeps in DATA_DIR: generated once, owner-only, then read back on
 * every start. Deployments set the matching variable instead.
 */
export function firstRunFile(config: Config, name: string, generate: () => string): string {
  mkdirSync(config.DACXA_DATA_DIR, { recursive: true });
  const file = join(config.DACXA_DATA_DIR, name);
  if (!existsSync(file)) writeFileSync(file, `${generate().trim()}\n`, { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}
