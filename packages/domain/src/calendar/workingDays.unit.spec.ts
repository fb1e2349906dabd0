import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DateRangeError, MAX_LOCAL_DATE, MIN_LOCAL_DATE } from '../shared/dateRange.js';
import { LocalDate } from '../shared/localDate.js';
import { dueDate } from './deadlines.js';
import { VIETNAM_CALENDAR, addWorkingDays, nextWorkingDay, type WorkingCalendar } from './workingDays.js';

const NEVER_WORKING: WorkingCalendar = { isWorkingDay: () => false };

/** Real dates well beyond the domain's range, so properties also see starts it must refuse. */
const anyDate = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const nearTheEdges = fc.oneof(
  anyDate,
  fc.constantFrom(MIN_LOCAL_DATE, MAX_LOCAL_DATE, '2100-12-24', '1900-01-08', '9999-12-31', 'not a date'),
);

describe('working-day arithmetic at the edges of 1900–2100', () => {
  it('counts backwards for a negative number of working days', () => {
    // Tuesday 02/09/2025 is National Day; the working day before Wednesday 03/09 is Friday 29/08.
    expect(addWorkingDays('2025-09-03', -1)).toBe('2025-08-29');
  });

  it('refuses a start date near 9999-12-31 at once instead of looping', () => {
    expect(() => addWorkingDays('9999-12-31', 5)).toThrow(DateRangeError);
    expect(() => nextWorkingDay('9999-12-31')).toThrow(DateRangeError);
    expect(() => dueDate('9999-12-31', { days: 5, kind: 'CALENDAR' })).toThrow(DateRangeError);
  });

  it('refuses a huge or fractional number of days with code ERR_DATE_RANGE', () => {
    for (const days of [3_661, 1e9, Number.MAX_SAFE_INTEGER, 2.5, Number.NaN]) {
      expect(() => dueDate('2025-01-01', { days, kind: 'WORKING' })).toThrow(
        expect.objectContaining({ code: 'ERR_DATE_RANGE' }),
      );
    }
    expect(() => dueDate('2025-01-01', { days: 1e9, kind: 'CALENDAR' })).toThrow(DateRangeError);
  });

  it('refuses a count that would run past 2100', () => {
    expect(() => addWorkingDays('2100-12-29', 5)).toThrow(DateRangeError);
    expect(() => dueDate('2100-12-29', { days: 5, kind: 'CALENDAR' })).toThrow(DateRangeError);
  });

  it('stops at 2100 even when a calendar has no working day at all', () => {
    expect(() => nextWorkingDay('1900-01-06', NEVER_WORKING)).toThrow(DateRangeError);
    expect(() => addWorkingDays('1900-01-06', 1, NEVER_WORKING)).toThrow(DateRangeError);
  });

  it('for any date and count, addWorkingDays returns a working day within range or refuses, and finishes', () => {
    const count = fc.oneof(
      fc.integer({ min: -100, max: 100 }),
      fc.integer({ min: -4_000, max: 4_000 }),
      fc.integer(),
      fc.double(),
    );
    fc.assert(
      fc.property(nearTheEdges, count, (date, n) => {
        try {
          const result = addWorkingDays(date, n);
          expect(LocalDate.safeParse(result).success).toBe(true);
          if (n !== 0) expect(VIETNAM_CALENDAR.isWorkingDay(result)).toBe(true);
          expect(n > 0 ? result > date : n < 0 ? result < date : result === date).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(DateRangeError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('for any date and limit, dueDate returns a date within range or refuses', () => {
    const limit = fc.record({
      days: fc.oneof(fc.nat({ max: 40_000 }), fc.integer(), fc.double()),
      kind: fc.constantFrom('CALENDAR' as const, 'WORKING' as const),
    });
    fc.assert(
      fc.property(nearTheEdges, limit, (date, l) => {
        try {
          expect(LocalDate.safeParse(dueDate(date, l)).success).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(DateRangeError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
