import { InvalidOptionsError } from './errors.js';
import type { ReadAllOptions, ReadStreamOptions } from './types.js';

/** A readStream request with defaults filled in and bounds checked. */
export interface StreamRange {
  backwards: boolean;
  from: number | undefined;
  to: number | undefined;
  limit: number;
}

function assertCount(name: string, value: number | undefined, min: number): void {
  if (value !== undefined && (!Number.isSafeInteger(value) || value < min)) {
    throw new InvalidOptionsError(`${name} must be an integer ≥ ${min}`);
  }
}

/** Checks readStream options; forwards `from` ≤ `to`, backwards `from` ≥ `to`. */
export function streamRange(options: ReadStreamOptions = {}): StreamRange {
  const { from, to, direction = 'forwards', limit } = options;
  if (direction !== 'forwards' && direction !== 'backwards') {
    throw new InvalidOptionsError(`direction must be 'forwards' or 'backwards'`);
  }
  assertCount('from', from, 0);
  assertCount('to', to, 0);
  assertCount('limit', limit, 1);
  return { backwards: direction === 'backwards', from, to, limit: limit ?? Number.MAX_SAFE_INTEGER };
}

/** Checks readAll options. */
export function allRange(options: ReadAllOptions = {}): { after: bigint; limit: number } {
  const { after = 0n, limit } = options;
  if (typeof after !== 'bigint' || after < 0n)
    throw new InvalidOptionsError('after must be a position (bigint ≥ 0)');
  assertCount('limit', limit, 1);
  return { after, limit: limit ?? Number.MAX_SAFE_INTEGER };
}

/** Whether a revision lies inside a range, in the range's direction. */
export function inRange(range: StreamRange, revision: number): boolean {
  if (range.backwards) {
    return (
      (range.from === undefined || revision <= range.from) && (range.to === undefined || revision >= range.to)
    );
  }
  return (
    (range.from === undefined || revision >= range.from) && (range.to === undefined || revision <= range.to)
  );
}
