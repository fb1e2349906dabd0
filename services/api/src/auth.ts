import type { webcrypto } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { Role } from '@dacxa/domain';
import { HttpProblem } from './problems.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set once the bearer token is verified; logged with refusals. */
    caller?: Caller;
  }
  interface FastifyInstance {
    /** The rules every token is held to (AppOptions.tokenPolicy); defaults when absent. */
    tokenPolicy?: TokenPolicy;
  }
}

/** Who is calling: from the bearer token's claims. */
export interface Caller {
  actor: string;
  role: z.infer<typeof Role>;
  unit: string;
}

/** A verified token: its caller and the instant (ms since the epoch) it expires. */
export interface Session {
  caller: Caller;
  expiresAt: number;
}

// 'system' acts only inside the service (deadline sweeps); no token may claim it.
const Claims = z.object({ sub: z.string().min(1), role: Role.exclude(['system']), unit: z.string().min(1) });

/** A verifier: a shared HS256 secret for the embedded default, or a JWKS for an identity provider. */
export type TokenKey = Uint8Array | JWTVerifyGetKey;

/** What a token must satisfy beyond its signature (AppOptions.tokenPolicy). */
export interface TokenPolicy {
  /** The longest lifetime accepted: exp − iat, or exp − now for a token without iat (default 12 h). */
  maxLifetimeSeconds?: number;
  /** How far an issuer's clock may run ahead of ours, for iat and nbf (default 60 s); exp is exact. */
  clockSkewSeconds?: number;
  /** Whether the unit claim, as is (`xa-an-khanh/cong-an`), is in the organisation tree; on every use. */
  knownUnit?: (unit: string) => Promise<boolean>;
  /** With a JWKS: the `iss` every token must carry (jose checks it); unchecked when absent. */
  issuer?: string | undefined;
  /** With a JWKS: an `aud` every token must carry, so one minted for another service is refused. */
  audience?: string | undefined;
}

const MAX_LIFETIME_SECONDS = 12 * 60 * 60;
const CLOCK_SKEW_SECONDS = 60;
const UNIT_CODE = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

interface Verified {
  caller: Caller;
  exp: number;
  iat: number | undefined;
}

/** Verified tokens, so a caller's next request skips the signature check (kept until expiry). */
const VERIFIED_LIMIT = 10_000;
const verifiedBy = new WeakMap<TokenKey, Map<string, Verified>>();
const hmacKeys = new WeakMap<Uint8Array, Promise<webcrypto.CryptoKey>>();

// A raw secret imported once: jose would import it again on every verification.
function hmacKey(secret: Uint8Array): Promise<webcrypto.CryptoKey> {
  let key = hmacKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    hmacKeys.set(secret, key);
  }
  return key;
}

const expired = () => new HttpProblem(401, 'ERR_TOKEN_EXPIRED', 'Phiên đăng nhập đã hết hạn');
const invalid = (detail: string) =>
  new HttpProblem(401, 'ERR_TOKEN_INVALID', 'Mã xác thực không đúng quy định', detail);

// Rules of the token itself, checked on every use: a cached token may outlive a policy change.
async function checkPolicy({ caller, exp, iat }: Verified, policy: TokenPolicy, now: number): Promise<void> {
  const maxLifetime = policy.maxLifetimeSeconds ?? MAX_LIFETIME_SECONDS;
  if (exp <= now) throw expired();
  if (iat !== undefined && iat > now + (policy.clockSkewSeconds ?? CLOCK_SKEW_SECONDS))
    throw invalid('token issued in the future (iat)');
  if (exp - (iat ?? now) > maxLifetime) throw invalid(`token lifetime exceeds ${maxLifetime} s`);
  if (caller.unit.length > 100 || !UNIT_CODE.test(caller.unit))
    throw invalid('unit claim is not a canonical unit code');
  if (policy.knownUnit && !(await policy.knownUnit(caller.unit)))
    throw new HttpProblem(
      401,
      'ERR_TOKEN_UNKNOWN_UNIT',
      'Đơn vị trong mã xác thực không có trong cơ cấu tổ chức',
      'unit claim is not in the organisation tree',
    );
}

async function verifySignature(token: string, key: TokenKey, policy: TokenPolicy): Promise<JWTPayload> {
  try {
    // The skew covers an issuer's clock ahead of ours (nbf); exp is held exactly, below.
    const options = { clockTolerance: policy.clockSkewSeconds ?? CLOCK_SKEW_SECONDS };
    const { issuer, audience } = policy;
    const { payload } =
      key instanceof Uint8Array
        ? await jwtVerify(token, await hmacKey(key), { ...options, algorithms: ['HS256'] })
        : await jwtVerify(token, key, {
            ...options,
            ...(issuer ? { issuer } : {}),
            ...(audience ? { audience } : {}),
          });
    return payload;
  } catch (error) {
    const { code, claim } = error as { code?: string; claim?: string };
    if (code === 'ERR_JWT_EXPIRED') throw expired();
    if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && (claim === 'iss' || claim === 'aud'))
      throw invalid(`${claim} claim not accepted`);
    throw new HttpProblem(401, 'ERR_UNAUTHENTICATED', 'Mã xác thực không hợp lệ');
  }
}

async function verifyClaims(token: string, key: TokenKey, policy: TokenPolicy): Promise<Verified> {
  const payload = await verifySignature(token, key, policy);
  const claims = Claims.safeParse(payload);
  if (!claims.success) throw new HttpProblem(401, 'ERR_UNAUTHENTICATED', 'Mã xác thực không hợp lệ');
  if (payload.exp === undefined) throw invalid('token has no exp');
  const { sub, role, unit } = claims.data;
  return { caller: { actor: sub, role, unit }, exp: payload.exp, iat: payload.iat };
}

/**
 * The caller a token names and when its session ends; 401 problem when it is invalid, expired, has
 * no `exp`, lives longer than the policy allows, was issued in the future, or names a unit that is
 * not a canonical code (or, with `knownUnit`, not in the organisation tree).
 */
export async function verifySession(
  token: string,
  key: TokenKey,
  policy: TokenPolicy = {},
): Promise<Session> {
  const verified = verifiedBy.get(key) ?? new Map<string, Verified>();
  verifiedBy.set(key, verified);
  const cached = verified.get(token);
  if (cached && cached.exp * 1000 <= Date.now()) verified.delete(token);
  // A cached token skips only the signature check: the policy is checked again on every use.
  const known = cached ?? (await verifyClaims(token, key, policy));
  await checkPolicy(known, policy, Date.now() / 1000);
  if (!cached) {
    if (verified.size >= VERIFIED_LIMIT) verified.delete(verified.keys().next().value as string);
    verified.set(token, known);
  }
  return { caller: known.caller, expiresAt: known.exp * 1000 };
}

/** The caller a bearer token names; 401 problem when it is invalid or expired (see verifySession). */
export async function verifyToken(token: string, key: TokenKey, policy?: TokenPolicy): Promise<Caller> {
  return (await verifySession(token, key, policy)).caller;
}

// RFC 7235: the scheme is case-insensitive; exactly one token68 follows it.
const BEARER = /^bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * The caller of a request; 401 problem when the token is missing, invalid or expired. The policy
 * defaults to the app's (`AppOptions.tokenPolicy`).
 */
export async function authenticate(
  request: FastifyRequest,
  key: TokenKey,
  policy?: TokenPolicy,
): Promise<Caller> {
  const header = request.headers.authorization;
  if (!header) throw new HttpProblem(401, 'ERR_UNAUTHENTICATED', 'Chưa đăng nhập', 'missing bearer token');
  const token = BEARER.exec(header)?.[1];
  if (!token)
    throw new HttpProblem(401, 'ERR_UNAUTHENTICATED', 'Chưa đăng nhập', 'expected "Bearer <token>"');
  request.caller = await verifyToken(token, key, policy ?? request.server.tokenPolicy);
  return request.caller;
}
