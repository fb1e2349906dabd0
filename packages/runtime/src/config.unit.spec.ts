import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, ConfigError, ledgerTreeFile, loadConfig, oidcClient } from './config.js';

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

  it('takes a fixed clock for the demo or a test, and refuses it on a live system saying why', () => {
    expect(loadConfig({ DACXA_CLOCK: '2026-02-20T01:00:00Z' }).DACXA_CLOCK).toBe('2026-02-20T01:00:00Z');
    expect(
      loadConfig({ DACXA_CLOCK: '2026-02-20T08:00:00+07:00', DACXA_SEED_DEMO: 'false', NODE_ENV: 'test' })
        .DACXA_CLOCK,
    ).toBe('2026-02-20T08:00:00+07:00');
    const live = () => loadConfig({ DACXA_CLOCK: '2026-02-20T01:00:00Z', DACXA_SEED_DEMO: 'false' });
    expect(live).toThrow(ConfigError);
    expect(live).toThrow(/DACXA_CLOCK: chỉ dùng cho bản minh họa/);
    expect(() => loadConfig({ DACXA_CLOCK: '20/02/2026' })).toThrow(/DACXA_CLOCK: một thời điểm ISO 8601/);
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

  it('takes KurrentDB connection strings as well as esdb ones, and nothing else', () => {
    const base = { DACXA_EVENT_STORE: 'esdb', DACXA_MASTER_KEY: 'k', DACXA_AUDIT_KEY_FILE: 'k.pem' };
    for (const url of ['esdb://db:2113', 'kurrentdb://db:2113?tls=false', 'kurrentdb+discover://a,b'])
      expect(loadConfig({ ...base, DACXA_ESDB_URL: url }).DACXA_ESDB_URL).toBe(url);
    expect(() => loadConfig({ ...base, DACXA_ESDB_URL: 'http://db:2113' })).toThrow(/DACXA_ESDB_URL/);
  });

  it('takes an OpenID Connect provider for the console beside the JWKS its tokens are checked with', () => {
    const idp = {
      DACXA_JWKS_URL: 'https://id.example.gov.vn/jwks.json',
      DACXA_OIDC_ISSUER: 'https://id.example.gov.vn',
      DACXA_OIDC_CLIENT_ID: 'dacxa-console',
      DACXA_JWT_ISSUER: 'https://id.example.gov.vn',
      DACXA_JWT_AUDIENCE: 'https://dacxa.example.gov.vn',
    };
    expect(loadConfig(idp)).toMatchObject(idp);
    expect(oidcClient(loadConfig(idp))).toEqual({
      issuer: 'https://id.example.gov.vn',
      clientId: 'dacxa-console',
    });
    // Issuer and audience are checked only when named: nothing is derived from the console's provider.
    const unchecked = loadConfig({ ...idp, DACXA_JWT_ISSUER: undefined, DACXA_JWT_AUDIENCE: undefined });
    expect(unchecked.DACXA_JWT_ISSUER).toBeUndefined();
    expect(unchecked.DACXA_JWT_AUDIENCE).toBeUndefined();
    expect(oidcClient(loadConfig({ DACXA_JWKS_URL: idp.DACXA_JWKS_URL }))).toBeUndefined();
  });

  it('refuses half a provider, a provider without a JWKS, and an issuer not on https, naming each', () => {
    const jwks = { DACXA_JWKS_URL: 'https://id.example.gov.vn/jwks.json' };
    expect(() => loadConfig({ ...jwks, DACXA_OIDC_ISSUER: 'https://id.example.gov.vn' })).toThrow(
      /DACXA_OIDC_CLIENT_ID: cần cả DACXA_OIDC_ISSUER và DACXA_OIDC_CLIENT_ID/,
    );
    expect(() => loadConfig({ ...jwks, DACXA_OIDC_CLIENT_ID: 'dacxa-console' })).toThrow(
      /DACXA_OIDC_ISSUER: cần cả/,
    );
    const withoutJwks = () =>
      loadConfig({
        DACXA_OIDC_ISSUER: 'https://id.example.gov.vn',
        DACXA_OIDC_CLIENT_ID: 'dacxa-console',
        DACXA_JWT_AUDIENCE: 'dacxa',
      });
    expect(withoutJwks).toThrow(ConfigError);
    expect(withoutJwks).toThrow(
      /DACXA_OIDC_ISSUER: chỉ dùng cùng DACXA_JWKS_URL.*DACXA_OIDC_CLIENT_ID: chỉ dùng.*DACXA_JWT_AUDIENCE: chỉ dùng/,
    );
    expect(() =>
      loadConfig({ ...jwks, DACXA_OIDC_ISSUER: 'http://id.example.gov.vn', DACXA_OIDC_CLIENT_ID: 'c' }),
    ).toThrow(/DACXA_OIDC_ISSUER: một địa chỉ https:\/\//);
  });

  it('is listed in full in .env.example', () => {
    const example = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    for (const key of CONFIG_KEYS) expect(example, key).toMatch(new RegExp(`^#? ?${key}=`, 'm'));
  });
});
