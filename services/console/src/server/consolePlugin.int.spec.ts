import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { consolePlugin } from './consolePlugin.js';

function builtPage(): string {
  const dist = mkdtempSync(join(tmpdir(), 'dacxa-console-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="vi"></html>');
  writeFileSync(join(dist, 'assets', 'app-1.js'), 'export {};');
  return dist;
}

type Issue = (caller: { actor: string; role: string; unit: string }, seconds: number) => Promise<string>;

async function appWith(tokenKey: Uint8Array | (() => unknown), issueToken?: Issue) {
  const app = Fastify();
  await app.register(consolePlugin, {
    tokenKey,
    distDir: builtPage(),
    ...(issueToken ? { issueToken } : {}),
  });
  app.get('/hom-nay', async () => ({ api: true }));
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ code: 'ERR_NOT_FOUND' }));
  return app;
}

describe('the console plugin', () => {
  it('answers its pages and assets with a CSP that allows nothing inline, and never an API route', async () => {
    const app = await appWith(new Uint8Array(32));
    const page = await app.inject({ url: '/kiem-toan' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('lang="vi"');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect((await app.inject({ url: '/assets/app-1.js' })).headers['cache-control']).toContain('immutable');
    // A route of the API at a page's path keeps it; anything else is the API's 404.
    expect((await app.inject({ url: '/hom-nay' })).json()).toEqual({ api: true });
    expect((await app.inject({ url: '/ho-so/not-an-id' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
  });

  it('signs in a person of the demo through the service’s own token issuer, and no one else', async () => {
    const issued: Array<[string, string, number]> = [];
    const app = await appWith(new Uint8Array(32).fill(7), async (caller, seconds) => {
      issued.push([caller.role, caller.unit, seconds]);
      return 'signed-by-the-service';
    });
    const config = (await app.inject({ url: '/console/config' })).json<{
      mode: string;
      people: Array<{ id: string }>;
    }>();
    expect(config.mode).toBe('demo');
    const reply = await app.inject({
      method: 'POST',
      url: '/console/sign-in',
      payload: { person: 'kiem-toan' },
    });
    const { token, caller } = reply.json<{ token: string; caller: { role: string; unit: string } }>();
    expect(caller).toMatchObject({ role: 'auditor', unit: 'thanh-tra-tinh' });
    expect(token).toBe('signed-by-the-service');
    expect(issued).toEqual([['auditor', 'thanh-tra-tinh', 8 * 3600]]);
    expect(
      (await app.inject({ method: 'POST', url: '/console/sign-in', payload: { person: 'x' } })).statusCode,
    ).toBe(400);
  });

  it('offers no role picker on a local secret outside the demo: a deployment’s people sign in for real', async () => {
    const app = await appWith(new Uint8Array(32).fill(7));
    expect((await app.inject({ url: '/console/config' })).json()).toEqual({ mode: 'none' });
    expect(
      (await app.inject({ method: 'POST', url: '/console/sign-in', payload: { person: 'kiem-toan' } }))
        .statusCode,
    ).toBe(404);
  });

  it('issues no token when the service takes its tokens from an identity provider', async () => {
    const app = await appWith(() => undefined);
    expect((await app.inject({ url: '/console/config' })).json()).toEqual({ mode: 'none' });
    expect(
      (await app.inject({ method: 'POST', url: '/console/sign-in', payload: { person: 'kiem-toan' } }))
        .statusCode,
    ).toBe(404);
  });

  it('signs in with the configured provider: its origin in the policy, a popup that keeps its opener', async () => {
    const app = Fastify();
    const oidc = { issuer: 'https://id.example.gov.vn/realms/dacxa', clientId: 'dacxa-console' };
    await app.register(consolePlugin, { tokenKey: () => undefined, distDir: builtPage(), oidc });
    expect((await app.inject({ url: '/console/config' })).json()).toEqual({ mode: 'oidc', oidc });
    const page = await app.inject({ url: '/vao' });
    expect(page.headers['content-security-policy']).toMatch(
      /connect-src 'self' https:\/\/id\.example\.gov\.vn$/,
    );
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin-allow-popups');
    const callback = await app.inject({ url: '/oidc/callback?code=x&state=y' });
    expect(callback.headers['cross-origin-opener-policy']).toBe('unsafe-none');
  });
});
