import type { HashedEnvelope, Position } from './types.js';
import { CorruptEventError } from './verifyChain.js';

/** Parses a stored canonical envelope; undecodable bytes become a CorruptEventError at `position`. */
export function decodeEnvelope(body: string, position: Position): HashedEnvelope {
  try {
    return JSON.parse(body) as HashedEnvelope;
  } catch (error) {
    throw new CorruptEventError(position, error instanceof Error ? error.message : 'not JSON');
  }
}
