import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, ConfigError, loadConfig } from './config.js';

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

  it('is listed in full in .env.example', () => {
    const example = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    for (const key of CONFIG_KEYS) expect(example, key).toMatch(new RegExp(`^#? ?${key}=`, 'm'));
  });
});
