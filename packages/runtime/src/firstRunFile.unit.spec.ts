import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { firstRunFile, keyDir } from './firstRunFile.js';

const root = mkdtempSync(join(tmpdir(), 'dacxa-keys-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the key folder', () => {
  it('moves a secret an older version kept in the data folder, instead of generating a new one', () => {
    const config = loadConfig({ DACXA_DATA_DIR: join(root, 'data') });
    mkdirSync(join(root, 'data'), { recursive: true });
    writeFileSync(join(root, 'data', 'jwt.secret'), 'old-secret\n', { mode: 0o644 });
    expect(firstRunFile(config, 'jwt.secret', () => 'new-secret')).toBe('old-secret');
    expect(existsSync(join(root, 'data', 'jwt.secret'))).toBe(false);
    expect(readFileSync(join(keyDir(config), 'jwt.secret'), 'utf8')).toBe('old-secret\n');
    expect(statSync(join(keyDir(config), 'jwt.secret')).mode & 0o777).toBe(0o600);
    expect(statSync(keyDir(config)).mode & 0o777).toBe(0o700);
  });

  it('is DACXA_KEY_DIR when set', () => {
    const config = loadConfig({ DACXA_DATA_DIR: join(root, 'd2'), DACXA_KEY_DIR: join(root, 'secrets') });
    firstRunFile(config, 'master.key', () => 'k1:x');
    expect(existsSync(join(root, 'secrets', 'master.key'))).toBe(true);
  });
});
