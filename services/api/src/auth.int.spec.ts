import { SignJWT, type JWTPayload } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifySession } from './auth.js';
import { inMemoryApp } from './testing/inMemoryApp.js';

const UNIT = 'xa-an-khanh/cong-an';
const HOUR = 3600;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A token signed with the app's secret, with exactly the claims given (no defaults). */
function signed(secret: Uint8Array, claims: JWTPayload & { unit?: string }): Promise<string> {
  return new SignJWT({ role: 'commune-police', unit: UNIT, ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('test-commune-police')
    .sign(secret);
}

type App = Awaited<ReturnType<typeof inMemoryApp>>;
const me = (app: App['app'], authorization: string, remoteAddress = '127.0.0.1') =>
  app.inject({ url: '/me', headers: { authorization }, remoteAddress });

afterEach(() => void vi.useRealTimers());

describe('bearer tokens', () => {
  it('takes the Bearer scheme in any case, followed by exactly one token', async () => {
    const { app, token } = await inMemoryApp();
    const t = await token('commune-police', UNIT);
    for (const scheme of ['Bearer', 'bearer', 'BEARER'])
      expect((await me(app, `${scheme} ${t}`)).statusCode).toBe(200);
    for (const header of [`Bearer ${t} ${t}`, `Basic ${t}`, `Bearer`, t]) {
      const reply = await me(app, header);
      expect(reply.statusCode).toBe(401);
      expect(reply.json()).toMatchObject({ code: 'ERR_UNAUTHENTICATED' });
    }
  });

  it.each([
    ['has no exp', { iat: nowSeconds() }],
    ['lives longer than 12 h', { iat: nowSeconds(), exp: nowSeconds() + 13 * HOUR }],
    ['lives longer than 12 h from now, without iat', { exp: nowSeconds() + 13 * HOUR }],
    ['was issued beyond the clock skew in the future', { iat: nowSeconds() + 120, exp: nowSeconds() + HOUR }],
    ['names an upper-case unit', { exp: nowSeconds() + HOUR, unit: 'XA-AN-KHANH' }],
    ['names a unit with spaces', { exp: nowSeconds() + HOUR, unit: 'xa an khanh' }],
    ['names a unit with diacritics', { exp: nowSeconds() + HOUR, unit: 'xã-an-khánh' }],
    ['names a unit with an empty segment', { exp: nowSeconds() + HOUR, unit: 'xa-an-khanh//cong-an' }],
    ['names a unit of 101 characters', { exp: nowSeconds() + HOUR, unit: 'a'.repeat(101) }],
  ])('refuses a token that %s (401 ERR_TOKEN_INVALID)', async (_rule, claims) => {
    const { app, secret } = await inMemoryApp();
    const reply = await me(app, `Bearer ${await signed(secret, claims)}`);
    expect(reply.statusCode).toBe(401);
    expect(reply.json()).toMatchObject({
      code: 'ERR_TOKEN_INVALID',
      title: 'Mã xác thực không đúng quy định',
    });
  });

  it('accepts an iat a little ahead of our clock, and a lifetime up to the cap', async () => {
    const { app, secret } = await inMemoryApp();
    const ahead = await signed(secret, { iat: nowSeconds() + 30, exp: nowSeconds() + 12 * HOUR });
    expect((await me(app, `Bearer ${ahead}`)).statusCode).toBe(200);
  });

  it('holds tokens to the app’s policy: a shorter cap, and only units the organisation tree knows', async () => {
    const { app, token } = await inMemoryApp({
      tokenPolicy: { maxLifetimeSeconds: HOUR, knownUnit: async (unit) => unit.startsWith('xa-an-khanh') },
    });
    expect((await me(app, `Bearer ${await token('commune-police', UNIT, '2h')}`)).json()).toMatchObject({
      code: 'ERR_TOKEN_INVALID',
    });
    expect((await me(app, `Bearer ${await token('commune-police', UNIT, '1h')}`)).statusCode).toBe(200);
    const elsewhere = await me(app, `Bearer ${await token('commune-police', 'xa-khong-co', '1h')}`);
    expect(elsewhere.statusCode).toBe(401);
    expect(elsewhere.json()).toMatchObject({
      code: 'ERR_TOKEN_UNKNOWN_UNIT',
      title: 'Đơn vị trong mã xác thực không có trong cơ cấu tổ chức',
    });
  });

  it('checks a cached token against the policy and its expiry on every use', async () => {
    const { secret, token } = await inMemoryApp();
    const t = await token('commune-police', UNIT, '2h');
    await expect(verifySession(t, secret)).resolves.toMatchObject({ caller: { unit: UNIT } });
    await expect(verifySession(t, secret, { maxLifetimeSeconds: HOUR })).rejects.toMatchObject({
      code: 'ERR_TOKEN_INVALID',
    });
    await expect(verifySession(t, secret, { knownUnit: async () => false })).rejects.toMatchObject({
      code: 'ERR_TOKEN_UNKNOWN_UNIT',
    });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 2 * HOUR * 1000 + 1000);
    await expect(verifySession(t, secret)).rejects.toMatchObject({ code: 'ERR_TOKEN_EXPIRED' });
  });
});

describe('failed authentications', () => {
  it('answers the 21st failure in a minute from one client with a 429 problem and Retry-After', async () => {
    const { app, token } = await inMemoryApp();
    for (let i = 0; i < 20; i++) expect((await me(app, `Bearer forged.${i}.x`)).statusCode).toBe(401);
    const refused = await me(app, 'Bearer forged.21.x');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({
      status: 429,
      code: 'ERR_RATE_LIMITED',
      title: 'Quá nhiều lần xác thực thất bại, vui lòng thử lại sau',
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Until the window ends the client is refused whatever it sends; others are not.
    const valid = `Bearer ${await token('commune-police', UNIT)}`;
    expect((await me(app, valid)).statusCode).toBe(429);
    expect((await me(app, valid, '10.0.0.2')).statusCode).toBe(200);
    expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
  });

  it('does not count successes or expired tokens, and takes its limits from the options', async () => {
    const { app, token } = await inMemoryApp({ authFailures: { max: 3, timeWindowMs: 300 } });
    const valid = `Bearer ${await token('commune-police', UNIT)}`;
    const expired = `Bearer ${await token('commune-police', UNIT, '-1m')}`;
    for (let i = 0; i < 5; i++) {
      expect((await me(app, valid)).statusCode).toBe(200);
      expect((await me(app, expired)).json()).toMatchObject({ code: 'ERR_TOKEN_EXPIRED' });
    }
    for (let i = 0; i < 3; i++) expect((await me(app, 'Bearer forged')).statusCode).toBe(401);
    expect((await me(app, valid)).statusCode).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await me(app, valid)).statusCode).toBe(200);
  });

  it('can be turned off', async () => {
    const { app } = await inMemoryApp({ authFailures: false });
    for (let i = 0; i < 30; i++) expect((await me(app, 'Bearer forged')).statusCode).toBe(401);
  });
});
