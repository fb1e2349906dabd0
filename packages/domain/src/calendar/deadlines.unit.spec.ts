import { describe, expect, it } from 'vitest';
import { BUILT_IN_CALENDAR as VN } from './builtInCalendar.js';
import { dueDate } from './deadlines.js';
import { holidayCalendar } from './holidayCalendar.js';
import { addWorkingDays } from './workingDays.js';

const due = (start: string, days: number, kind: 'CALENDAR' | 'WORKING') =>
  dueDate(start, { days, kind }, VN).date;

describe('deadlines', () => {
  it('counts 3 working days over a weekend', () => {
    // Thursday 28/08/2025 + 3 working days: Fri 29/08, then Mon 01/09 and Tue 02/09 are National Day.
    expect(due('2025-08-28', 3, 'WORKING')).toBe('2025-09-04');
  });

  it('skips Tết and the swapped days off, and counts a swapped Saturday as a working day', () => {
    expect(due('2025-01-24', 1, 'WORKING')).toBe('2025-02-03');
    expect(addWorkingDays('2025-04-25', 1, VN).date).toBe('2025-04-26');
    expect(addWorkingDays('2025-04-29', 1, VN).date).toBe('2025-05-05');
  });

  it('counts calendar days as calendar days, moving an end on a day off to the next working day', () => {
    // Posted Wednesday 27/08/2025: five calendar days end Monday 01/09, a holiday, so Wednesday 03/09.
    expect(due('2025-08-27', 5, 'CALENDAR')).toBe('2025-09-03');
    expect(due('2025-08-20', 5, 'CALENDAR')).toBe('2025-08-25');
    // Fifteen calendar days over Tết 2026 are fifteen days: 10/02 + 15 = Wednesday 25/02, a working day.
    expect(due('2026-02-10', 15, 'CALENDAR')).toBe('2026-02-25');
    // Ending on mùng 1 (17/02/2026), the period runs to the first working day after Tết.
    expect(due('2026-02-12', 5, 'CALENDAR')).toBe('2026-02-23');
  });

  it('flags a calendar-day deadline ending in a provisional year, and refuses one in an uncovered year', () => {
    expect(dueDate('2026-12-28', { days: 5, kind: 'CALENDAR' }, VN)).toMatchObject({
      date: '2027-01-04',
      provisional: true,
    });
    expect(() => dueDate('2028-12-28', { days: 5, kind: 'CALENDAR' }, VN)).toThrow(
      expect.objectContaining({ code: 'ERR_CALENDAR_UNCOVERED' }),
    );
  });

  it('takes another calendar where one is given', () => {
    const weekendsOnly = holidayCalendar(
      [{ year: 2025, status: 'decided', entries: [], undecided: [], source: 'test' }],
      'test',
    );
    expect(dueDate('2025-08-28', { days: 3, kind: 'WORKING' }, weekendsOnly)).toEqual({
      date: '2025-09-02',
      provisional: false,
      calendarVersion: 'test',
    });
  });
});
