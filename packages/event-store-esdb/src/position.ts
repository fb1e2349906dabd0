import type { Position as EsdbPosition } from '@eventstore/db-client';
import type { Position } from '@dacxa/event-store';

const PREPARE_BITS = 64n;
const PREPARE_MASK = (1n << PREPARE_BITS) - 1n;

/**
 * EventStoreDB orders $all by (commit, prepare), two unsigned 64-bit offsets. One bigint keeps that
 * order: commit in the high bits, prepare in the low.
 */
export function fromEsdbPosition({ commit, prepare }: EsdbPosition): Position {
  return (commit << PREPARE_BITS) | prepare;
}

/** The inverse of `fromEsdbPosition`. */
export function toEsdbPosition(position: Position): EsdbPosition {
  return { commit: position >> PREPARE_BITS, prepare: position & PREPARE_MASK };
}
