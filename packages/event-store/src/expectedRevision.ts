import { InvalidOptionsError } from './errors.js';
import type { ExpectedRevision } from './types.js';

/** Whether a stream whose last revision is `actual` (null: no stream) satisfies `expected`. */
export function expectationHolds(expected: ExpectedRevision, actual: number | null): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === null;
    case 'exists':
      return actual !== null;
    default:
      return actual === expected;
  }
}

/** Throws InvalidOptionsError unless `expected` is one of the four accepted forms. */
export function assertExpectedRevision(expected: unknown): asserts expected is ExpectedRevision {
  if (expected === 'any' || expected === 'no_stream' || expected === 'exists') return;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return;
  throw new InvalidOptionsError(`expectedRevision must be 'no_stream', 'any', 'exists' or a revision ≥ 0`);
}
