import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DateRangeError, MAX_LOCAL_DATE, MIN_LOCAL_DATE } from '../shared/dateRange.js';
import { LocalDate } from '../shared/localDate.js';
import { BUILT_IN_CALENDAR } from './builtInCalendar.js';
import { CalendarUncoveredError } from './calendarUncoveredError.js';
import { dueDate } from './deadlines.js';
import { holidayCalendar, isWorkingDay } from './holidayCalendar.js';
import { everyYearCalendar } from './testing.js';
import { addWorkingDays, nextWorkingDay } from './workingDays.js';

const EVERY_YEAR = everyYearCalendar();

/** Every weekday of 1900–2100 a holiday: a calendar with no working day at all. */
function neverWorking() {
  const years = [...EVERY_YEAR.years.values()].map((y) => {
    const entries = [];
    for (let d = `${y.year}-01-01`; d <= `${y.year}-12-31`; d = nextDay(d))
      entries.push({
        date: d,
        kind: 'statutory' as const,
        name: 'x',
        basis: 'x',
        status: 'decided' as const,
      });
    return { ...y, entries };
  });
  return holidayCalendar(years, 'never');
}
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Real dates well beyond the domain's range, so properties also see starts it must refuse. */
const anyDate = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const nearTheEdges = fc.oneof(
  anyDate,
  fc.constantFrom(MIN_LOCAL_DATE, MAX_LOCAL_DATE, '2100-12-24', '1900-01-08', '9999-12-31', 'not a date'),
);

describe('working-day arithmetic at the edges of 1900–2100', () => {
  it('refuses a start date near 9999-12-31 at once instead of looping', () => {
    expect(() => addWorkingDays('9999-12-31', 5, EVERY_YEAR)).toThrow(DateRangeError);
    expect(() => nextWorkingDay('9999-12-31', EVERY_YEAR)).toThrow(DateRangeError);
    expect(() => dueDate('9999-12-31', { days: 5, kind: 'CALENDAR' }, EVERY_YEAR)).toThrow(DateRangeError);
  });

  it('refuses a huge or fractional number of days with code ERR_DATE_RANGE', () => {
    for (const days of [3_661, 1e9, Number.MAX_SAFE_INTEGER, 2.5, Number.NaN]) {
      expect(() => dueDate('2025-01-01', { days, kind: 'WORKING' }, EVERY_YEAR)).toThrow(
        expect.objectContaining({ code: 'ERR_DATE_RANGE' }),
      );
    }
    expect(() => dueDate('2025-01-01', { days: 1e9, kind: 'CALENDAR' }, EVERY_YEAR)).toThrow(DateRangeError);
  });

  it('refuses a count that would run past 2100', () => {
    expect(() => addWorkingDays('2100-12-29', 5, EVERY_YEAR)).toThrow(DateRangeError);
    expect(() => dueDate('2100-12-29', { days: 5, kind: 'CALENDAR' }, EVERY_YEAR)).toThrow(DateRangeError);
  });

  it('stops at 2100 even when a calendar has no working day at all', () => {
    const never = neverWorking();
    expect(() => nextWorkingDay('1900-01-06', never)).toThrow(DateRangeError);
    expect(() => addWorkingDays('1900-01-06', 1, never)).toThrow(DateRangeError);
  });

  it('for any date and count, returns a working day within range or refuses with a typed error, and finishes', () => {
    const count = fc.oneof(
      fc.integer({ min: -100, max: 100 }),
      fc.integer({ min: -4_000, max: 4_000 }),
      fc.integer(),
      fc.double(),
    );
    const calendar = fc.constantFrom(EVERY_YEAR, BUILT_IN_CALENDAR);
    fc.assert(
      fc.property(nearTheEdges, count, calendar, (date, n, cal) => {
        try {
          const { date: result } = addWorkingDays(date, n, cal);
          expect(LocalDate.safeParse(result).success).toBe(true);
          if (n !== 0) expect(isWorkingDay(cal, result)).toBe(true);
          expect(n > 0 ? result > date : n < 0 ? result < date : result === date).toBe(true);
        } catch (error) {
          expect(error instanceof DateRangeError || error instanceof CalendarUncoveredError).toBe(true);
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
          expect(LocalDate.safeParse(dueDate(date, l, EVERY_YEAR).date).success).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(DateRangeError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
