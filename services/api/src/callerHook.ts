import type { FastifyRequest } from 'fastify';
import { authenticate, type Caller, type TokenKey } from './auth.js';

/**
 * A route's `preValidation` hook: the caller is verified (401 otherwise) after the body is read
 * and before the route's schemas check it, so a stranger learns nothing from validation errors.
 */
export const requireCaller =
  (key: TokenKey) =>
  async (request: FastifyRequest): Promise<void> => {
    await authenticate(request, key);
  };

/** The caller `requireCaller` verified for this request. */
export function callerOf(request: FastifyRequest): Caller {
  // A route that reads its caller without the hook is a bug of ours: a 500, never an open door.
  if (!request.caller) throw new Error(`${request.routeOptions.url ?? '?'} reads a caller it never verified`);
  return request.caller;
}
