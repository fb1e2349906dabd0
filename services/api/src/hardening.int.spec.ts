import { validateHeaderValue } from 'node:http';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig, openStores, tokenSecret } from '@dacxa/runtime';
import { csvDisposition } from './exportRoute.js';
import { redactUrl } from './hardening.js';
import { inMemoryApp } from './testing/inMemoryApp.js';

const UNIT = 'xa-an-khanh/cong-an';

describe('security headers', () => {
  it('sends nosniff, a CSP that allows nothing, no framing and no-store on what may carry personal data', async () => {
    const { app, token } = await inMemoryApp();
    const authorization = `Bearer ${await token('commune-police', UNIT)}`;
    for (const reply of [
      await app.inject({ url: '/me', headers: { authorization } }),
      await app.inject({ url: '/me' }),
      await app.inject({ url: '/no-such-route' }),
    ]) {
      expect(reply.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'cache-control': 'no-store',
      });
      expect(reply.headers['content-security-policy']).toContain("default-src 'none'");
      expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(reply.headers['content-security-policy']).not.toContain('unsafe-inline');
    }
  });

  it('lets /docs load its own scripts, styles and document and nothing more, and lets public pages be cached', async () => {
    const { app } = await inMemoryApp();
    for (const url of ['/docs', '/docs/static/swagger-ui-bundle.js']) {
      const reply = await app.inject({ url });
      expect(reply.headers['content-security-policy'], url).toBe(
        "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none';script-src 'self';style-src 'self';img-src 'self' data:;connect-src 'self'",
      );
    }
    // The rest of the app keeps the policy that allows nothing.
    expect((await app.inject({ url: '/docs/openapi.json' })).headers['content-security-policy']).toBe(
      "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
    );
    for (const url of ['/docs', '/docs/openapi.json', '/health']) {
      const reply = await app.inject({ url });
      expect(reply.headers['cache-control']).toBeUndefined();
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});

describe('the request log', () => {
  it('never holds a token a client put in the URL', async () => {
    const { app, logLines } = await inMemoryApp();
    await app.inject({ url: '/me?token=SECRET-ONE&x=1&access_token=SECRET-TWO' });
    await app.inject({ url: '/ws?%74oken=SECRET-THREE' });
    const log = logLines.join('');
    expect(log).not.toMatch(/SECRET/);
    expect(log).toContain('/me?token=[redacted]&x=1&access_token=[redacted]');
  });

  it('redacts only token parameters, whatever their case or encoding', () => {
    expect(redactUrl('/views/case-files?unit=xa-an-khanh&after=12')).toBe(
      '/views/case-files?unit=xa-an-khanh&after=12',
    );
    expect(redactUrl('/x?Access_Token=a.b.c&id_token=d&jwt=e&tokens=f')).toBe(
      '/x?Access_Token=[redacted]&id_token=[redacted]&jwt=[redacted]&tokens=f',
    );
    expect(redactUrl('/x?token')).toBe('/x?token=[redacted]');
    expect(redactUrl('/x?%E0%A4%A=1')).toBe('/x?%E0%A4%A=1');
  });
});

describe('the server', () => {
  it('does not let slow clients hold sockets, with limits a deployment may change', async () => {
    const { app } = await inMemoryApp();
    expect(app.server).toMatchObject({
      requestTimeout: 30_000,
      headersTimeout: 10_000,
      keepAliveTimeout: 5_000,
      timeout: 60_000,
    });
    const { app: tuned } = await inMemoryApp({ timeouts: { requestMs: 20_000, keepAliveMs: 2_000 } });
    expect(tuned.server).toMatchObject({
      requestTimeout: 20_000,
      keepAliveTimeout: 2_000,
      headersTimeout: 10_000,
    });
  });

  it('names an export after any unit in a valid Content-Disposition header', () => {
    for (const unit of ['xa-an-khanh', 'xa-an-khanh/văn-phòng', 'đơn "vị"']) {
      const header = csvDisposition(unit);
      expect(() => validateHeaderValue('content-disposition', header)).not.toThrow();
      expect(header).toMatch(/^attachment; filename="dacxa-[\x20-\x7e]+\.csv"/);
    }
    expect(csvDisposition('xa-an-khanh/văn-phòng')).toContain(
      "filename*=UTF-8''dacxa-xa-an-khanh_v%C4%83n-ph%C3%B2ng.csv",
    );
  });
});

describe('data files of the embedded default', () => {
  it('are readable by their owner only: the data directory, the SQLite files and the secrets', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'dacxa-modes-'));
    const dir = join(parent, 'data');
    try {
      const config = loadConfig({ DACXA_DATA_DIR: dir });
      const stores = await openStores(config, pino({ level: 'silent' }));
      tokenSecret(config);
      await stores.store.append('probe-1', [
        { type: 'Probed', data: {}, metadata: { actor: 't', role: 'admin', unit: 'tp-ha-noi' } },
      ]);
      // While open, so that SQLite's -wal and -shm files are there too.
      const keys = join(parent, 'data-keys');
      const modeOf = (d: string) =>
        readdirSync(d).map((f) => [f, statSync(join(d, f)).mode & 0o777] as const);
      const modes = Object.fromEntries([...modeOf(dir), ...modeOf(keys)]);
      await stores.close();
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(keys).mode & 0o777).toBe(0o700);
      expect(Object.keys(modes)).toEqual(
        expect.arrayContaining([
          'dacxa.sqlite',
          'dacxa.sqlite-wal',
          'keys.sqlite',
          'master.key',
          'jwt.secret',
        ]),
      );
      // The secrets are kept apart from the data that is backed up.
      expect(readdirSync(dir)).not.toContain('master.key');
      for (const [file, mode] of Object.entries(modes)) expect([file, mode]).toEqual([file, 0o600]);

      // A secret left readable by an older version is made owner-only on the next start.
      writeFileSync(join(keys, 'jwt.secret'), 'old-secret\n');
      chmodSync(join(keys, 'jwt.secret'), 0o644);
      expect(new TextDecoder().decode(tokenSecret(config))).toBe('old-secret');
      expect(statSync(join(keys, 'jwt.secret')).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
