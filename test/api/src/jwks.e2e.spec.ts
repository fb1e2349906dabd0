import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, createRemoteJWKSet, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './startServer.js';

let idp: Server;
let server: Awaited<ReturnType<typeof startServer>>;
let sign: (role: string, unit: string) => Promise<string>;

/** An identity provider as a deployment has one: ES256 keys published as a JWKS over HTTP. */
beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'ES256', use: 'sig' };
  idp = createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  const { port } = idp.address() as AddressInfo;
  sign = (role, unit) =>
    new SignJWT({ role, unit })
      .setProtectedHeader({ alg: 'ES256', kid: 'idp-1' })
      .setSubject('canbo-01')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
  server = await startServer(() => new Date('2025-08-29T02:00:00Z'), {
    tokenKey: createRemoteJWKSet(new URL(`http://127.0.0.1:${port}/jwks.json`)),
  });
});
afterAll(async () => {
  await server.stop();
  await new Promise((resolve) => idp.close(resolve));
});

describe('tokens from an identity provider (JWKS)', () => {
  it('accepts an ES256 token the provider signed, and refuses a locally signed HS256 one', async () => {
    const history = (token: string) =>
      fetch(`${server.url}/cases/${randomUUID()}/history`, { headers: { authorization: `Bearer ${token}` } });
    const fromIdp = await history(await sign('commune-police', 'xa-an-khanh/cong-an'));
    // Authenticated: the case does not exist, which only a verified caller may learn.
    expect(fromIdp.status).toBe(404);
    const local = await history(await server.token('commune-police', 'xa-an-khanh/cong-an'));
    expect(local.status).toBe(401);
  });
});
