import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { verifySession } from './auth.js';

// An identity provider's keys, as its JWKS publishes them (no network: a local set).
const { publicKey, privateKey } = await generateKeyPair('ES256');
const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'ES256' }] });
const ISSUER = 'https://id.example.gov.vn';
const API = 'https://dacxa.example.gov.vn';

const token = (claims: { iss?: string; aud?: string | string[] }) =>
  new SignJWT({ role: 'commune-police', unit: 'xa-an-khanh/cong-an', ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: 'idp-1', typ: 'at+jwt' })
    .setSubject('canbo-01')
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(privateKey);

describe('tokens from an identity provider, held to an issuer and an audience', () => {
  const policy = { issuer: ISSUER, audience: API };

  it('accepts a token from the issuer for this service, its audience one of several', async () => {
    const session = await verifySession(await token({ iss: ISSUER, aud: ['other', API] }), jwks, policy);
    expect(session.caller).toEqual({
      actor: 'canbo-01',
      role: 'commune-police',
      unit: 'xa-an-khanh/cong-an',
    });
  });

  it('refuses a token from another issuer, or minted for another service, naming the claim', async () => {
    await expect(
      verifySession(await token({ iss: 'https://other.example', aud: API }), jwks, policy),
    ).rejects.toMatchObject({ code: 'ERR_TOKEN_INVALID', message: 'iss claim not accepted' });
    await expect(
      verifySession(await token({ iss: ISSUER, aud: 'dacxa-console' }), jwks, policy),
    ).rejects.toMatchObject({ code: 'ERR_TOKEN_INVALID', message: 'aud claim not accepted' });
  });

  it('checks neither when the policy names neither', async () => {
    const session = await verifySession(await token({ iss: 'https://other.example' }), jwks);
    expect(session.caller.actor).toBe('canbo-01');
  });
});
