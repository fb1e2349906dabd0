import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, ConfigError, ledgerTreeFile, loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to the embedded stores with projections in-process and the demo seeded', () => {
    expect(loadConfig({})).toMatchObject({
      DACXA_EVENT_STORE: 'sqlite',
      DACXA_READ_STORE: 'sqlite',
      DACXA_PROJECTIONS: 'in-process',
      DACXA_SEED_DEMO: true,
      HOST: '127.0.0.1',
      PORT: 3000,
    });
  });

  it('names every problem at once, cross-variable rules included', () => {
    const attempt = () =>
      loadConfig({
        PORT: 'x',
        DACXA_EVENT_STORE: 'esdb',
        DACXA_READ_STORE: 'mongodb',
        DACXA_JWT_SECRET: 'ngắn',
      });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(
      /PORT: .*DACXA_JWT_SECRET: cần ít nhất 32 ký tự.*DACXA_ESDB_URL: bắt buộc.*DACXA_MASTER_KEY: bắt buộc.*DACXA_MONGODB_URL: bắt buộc/,
    );
  });

  it('keeps the ledger’s tree beside the embedded event store unless told where, or told none', () => {
    expect(ledgerTreeFile(loadConfig({ DACXA_DATA_DIR: '/srv/dacxa' }))).toBe(
      '/srv/dacxa/ledger-tree.sqlite',
    );
    expect(ledgerTreeFile(loadConfig({ DACXA_TREE_FILE: '/var/cache/tree.sqlite' }))).toBe(
      '/var/cache/tree.sqlite',
    );
    expect(ledgerTreeFile(loadConfig({ DACXA_TREE_FILE: 'none' }))).toBeNull();
    const esdb = {
      DACXA_EVENT_STORE: 'esdb',
      DACXA_ESDB_URL: 'esdb://x',
      DACXA_MASTER_KEY: 'k',
      DACXA_AUDIT_KEY_FILE: 'k.pem',
    };
    expect(ledgerTreeFile(loadConfig(esdb))).toBeNull();
    expect(ledgerTreeFile(loadConfig({ ...esdb, DACXA_TREE_FILE: '/tmp/t.sqlite' }))).toBe('/tmp/t.sqlite');
  });

  it('is listed in full in .env.example', () => {
    const example = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    for (const key of CONFIG_KEYS) expect(example, key).toMatch(new RegExp(`^#? ?${key}=`, 'm'));
  });
});
