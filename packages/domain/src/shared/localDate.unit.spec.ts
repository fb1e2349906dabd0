import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DateRangeError, MAX_LOCAL_DATE, MIN_LOCAL_DATE } from './dateRange.js';
import { Instant, LocalDate, addDays, addMonths, localDateAt } from './localDate.js';

const messages = (value: unknown): string[] =>
  LocalDate.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

/** Any real date within 1900–2100, as YYYY-MM-DD. */
const inRangeDate = fc
  .date({
    min: new Date(`${MIN_LOCAL_DATE}T00:00:00Z`),
    max: new Date(`${MAX_LOCAL_DATE}T00:00:00Z`),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe('LocalDate', () => {
  it('accepts real dates from 1900-01-01 to 2100-12-31', () => {
    for (const date of [MIN_LOCAL_DATE, '2024-02-29', '2025-09-02', MAX_LOCAL_DATE]) {
      expect(LocalDate.safeParse(date).success).toBe(true);
    }
  });

  it('refuses a month 13 or 30 February as a date that does not exist', () => {
    expect(messages('2025-13-01')).toEqual(['ngày không tồn tại (no such date)']);
    expect(messages('2025-02-30')).toEqual(['ngày không tồn tại (no such date)']);
    expect(messages('2025-02-29')).toEqual(['ngày không tồn tại (no such date)']);
  });

  it('refuses anything that is not strictly YYYY-MM-DD, without throwing', () => {
    for (const value of ['2025-2-3', 'abc', '', '2025-09-02T00:00:00Z', ' 2025-09-02', '２０２５-09-02']) {
      expect(messages(value)).toEqual(['ngày phải có dạng YYYY-MM-DD (date must be YYYY-MM-DD)']);
    }
  });

  it('refuses dates before 1900 or after 2100 in Vietnamese', () => {
    for (const value of ['1899-12-31', '0001-01-01', '2101-01-01', '9999-12-31']) {
      expect(messages(value)).toEqual(['ngày phải trong khoảng 1900–2100 (date must be within 1900–2100)']);
    }
  });

  it('never throws, whatever string it is given', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (value) => void LocalDate.safeParse(value)));
  });
});

describe('addDays', () => {
  it('moves across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-09-02', 0)).toBe('2025-09-02');
  });

  it('refuses to step past 2100 or before 1900 instead of producing a date nobody can store', () => {
    expect(() => addDays(MAX_LOCAL_DATE, 1)).toThrow(DateRangeError);
    expect(() => addDays(MIN_LOCAL_DATE, -1)).toThrow(DateRangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(DateRangeError);
  });

  it('refuses day counts that are not whole or exceed ±36 600, with code ERR_DATE_RANGE', () => {
    for (const days of [36_601, -36_601, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e308]) {
      expect(() => addDays('2025-01-01', days)).toThrow(expect.objectContaining({ code: 'ERR_DATE_RANGE' }));
    }
  });

  it('for any date and count, returns a valid LocalDate equal to plain day arithmetic, or refuses', () => {
    const count = fc.oneof(fc.integer({ min: -40_000, max: 40_000 }), fc.double());
    fc.assert(
      fc.property(inRangeDate, count, (date, days) => {
        try {
          const result = addDays(date, days);
          const expected = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
          expect(result).toBe(expected.toISOString().slice(0, 10));
          expect(LocalDate.safeParse(result).success).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(DateRangeError);
        }
      }),
    );
  });
});

describe('Instant', () => {
  it('accepts instants whose date in Vietnam is within 1900–2100', () => {
    expect(Instant.safeParse('2025-09-05T02:00:00Z').success).toBe(true);
    expect(Instant.safeParse('2100-12-31T23:59:59+07:00').success).toBe(true);
  });

  it('refuses instants outside 1900–2100, and ones without an offset', () => {
    expect(Instant.safeParse('2101-01-01T00:00:00+07:00').success).toBe(false);
    expect(Instant.safeParse('9999-12-31T23:59:59Z').success).toBe(false);
    expect(Instant.safeParse('1899-12-31T16:59:59Z').success).toBe(false);
    expect(Instant.safeParse('2025-09-05T02:00:00').success).toBe(false);
  });
});

describe('localDateAt', () => {
  it('gives the date in Vietnam (UTC+7)', () => {
    expect(localDateAt('2025-09-01T17:00:00Z')).toBe('2025-09-02');
  });

  it('refuses an instant it cannot read with DateRangeError rather than a RangeError', () => {
    expect(() => localDateAt('not a time')).toThrow(DateRangeError);
  });
});

describe('a period of months (BLDS 148(3))', () => {
  it('ends on the same day so many months on, or on the month’s last day where it has none', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-01-31', 13)).toBe('2028-02-29');
    expect(addMonths('2025-09-30', 36)).toBe('2028-09-30');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('lands in the right month, never after the same day, for any start and term', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1950-01-01T00:00:00Z'),
          max: new Date('2049-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 600 }),
        (start, months) => {
          const from = start.toISOString().slice(0, 10);
          const end = addMonths(from, months);
          const monthsApart =
            (Number(end.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
            Number(end.slice(5, 7)) -
            Number(from.slice(5, 7));
          expect(monthsApart).toBe(months);
          expect(Number(end.slice(8))).toBeLessThanOrEqual(Number(from.slice(8)));
        },
      ),
    );
  });
});
