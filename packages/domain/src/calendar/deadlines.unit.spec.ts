import { describe, expect, it } from 'vitest';
import { dueDate } from './deadlines.js';
import { addWorkingDays, workingCalendar } from './workingDays.js';

describe('deadlines', () => {
  it('counts 3 working days over a weekend', () => {
    // Thursday 28/08/2025 + 3 working days: Fri 29/08, then Mon 01/09 and Tue 02/09 are National Day.
    expect(dueDate('2025-08-28', { days: 3, kind: 'WORKING' })).toBe('2025-09-04');
  });

  it('skips Tết and the bridging days, and counts a swapped Saturday as a working day', () => {
    expect(dueDate('2025-01-24', { days: 1, kind: 'WORKING' })).toBe('2025-02-03');
    expect(addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
    expect(addWorkingDays('2025-04-29', 1)).toBe('2025-05-05');
  });

  it('moves a calendar-day period ending on a day off to the next working day', () => {
    // Posted Wednesday 27/08/2025: five calendar days end Monday 01/09, a holiday, so Wednesday 03/09.
    expect(dueDate('2025-08-27', { days: 5, kind: 'CALENDAR' })).toBe('2025-09-03');
    expect(dueDate('2025-08-20', { days: 5, kind: 'CALENDAR' })).toBe('2025-08-25');
  });

  it('takes another calendar where one is given', () => {
    const noHolidays = workingCalendar([]);
    expect(dueDate('2025-08-28', { days: 3, kind: 'WORKING' }, noHolidays)).toBe('2025-09-02');
  });
});
