import { SignJWT } from 'jose';
import type { Caller } from './auth.js';

/**
 * A development token for the embedded default, signed with its local HS256 secret. Deployments
 * take tokens from their identity provider (a JWKS) instead. It carries `iat` and `exp`; the service
 * refuses one that lives longer than its policy allows (12 h by default).
 */
export function issueDevToken(secret: Uint8Array, caller: Caller, expiresIn = '8h'): Promise<string> {
  return new SignJWT({ role: caller.role, unit: caller.unit })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(caller.actor)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(secret);
}
