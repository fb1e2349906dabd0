import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRealDate } from './dateRange.js';

/** The reference: a round trip through Date, which the arithmetic replaced on the hot path. */
const byDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
};

describe('isRealDate', () => {
  it('agrees with the calendar on every YYYY-MM-DD, leap days and impossible days included', () => {
    const digits = (n: number) =>
      fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0'));
    fc.assert(
      fc.property(digits(4), digits(2), digits(2), (y, m, d) => {
        const value = `${y}-${m}-${d}`;
        expect(isRealDate(value)).toBe(byDate(value));
      }),
      { numRuns: 20_000 },
    );
    for (const v of ['2024-02-29', '2025-02-29', '1900-02-29', '2000-02-29', '2026-04-31', '2026-12-31'])
      expect(isRealDate(v)).toBe(byDate(v));
  });

  it('refuses anything not shaped YYYY-MM-DD', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(isRealDate(value)).toBe(byDate(value));
      }),
    );
    for (const v of ['2026-1-01', '2026-01-01T00:00:00Z', ' 2026-01-01', '２０２６-01-01'])
      expect(isRealDate(v)).toBe(false);
  });
});
