import type { webcrypto } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { Role } from '@dacxa/domain';
import { HttpProblem } from './problems.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set once the bearer token is verified; logged with refusals. */
    caller?: Caller;
  }
}

/** Who is calling: from the bearer token's claims. */
export interface Caller {
  actor: string;
  role: z.infer<typeof Role>;
  unit: string;
}

// 'system' acts only inside the service (deadline sweeps); no token may claim it.
const Claims = z.object({ sub: z.string().min(1), role: Role.exclude(['system']), unit: z.string().min(1) });

/** A verifier: a shared HS256 secret for the embedded default, or a JWKS for an identity provider. */
export type TokenKey = Uint8Array | JWTVerifyGetKey;

/** Verified tokens, so a caller's next request skips the signature check (kept until expiry). */
const VERIFIED_LIMIT = 10_000;
const verifiedBy = new WeakMap<TokenKey, Map<string, { caller: Caller; expiresAt: number }>>();
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

/** The caller a bearer token names; 401 problem when it is invalid or expired. */
export async function verifyToken(token: string, key: TokenKey): Promise<Caller> {
  const verified = verifiedBy.get(key) ?? new Map<string, { caller: Caller; expiresAt: number }>();
  verifiedBy.set(key, verified);
  const known = verified.get(token);
  if (known && known.expiresAt > Date.now()) return known.caller;
  try {
    const { payload } =
      key instanceof Uint8Array
        ? await jwtVerify(token, await hmacKey(key), { algorithms: ['HS256'] })
        : await jwtVerify(token, key);
    const claims = Claims.parse(payload);
    const caller: Caller = { actor: claims.sub, role: claims.role, unit: claims.unit };
    if (payload.exp !== undefined) {
      if (verified.size >= VERIFIED_LIMIT) verified.delete(verified.keys().next().value as string);
      verified.set(token, { caller, expiresAt: payload.exp * 1000 });
    }
    return caller;
  } catch (error) {
    const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
    throw new HttpProblem(
      401,
      expired ? 'ERR_TOKEN_EXPIRED' : 'ERR_UNAUTHENTICATED',
      expired ? 'Phiên đăng nhập đã hết hạn' : 'Mã xác thực không hợp lệ',
    );
  }
}

/** The caller of a request; 401 problem when the token is missing, invalid or expired. */
export async function authenticate(request: FastifyRequest, key: TokenKey): Promise<Caller> {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer '))
    throw new HttpProblem(401, 'ERR_UNAUTHENTICATED', 'Chưa đăng nhập', 'missing bearer token');
  request.caller = await verifyToken(header.slice(7), key);
  return request.caller;
}
