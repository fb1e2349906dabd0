import { describe, expect, it } from 'vitest';
import { calendarAsKnownOn } from './asKnownOn.js';
import { BUILT_IN_CALENDAR } from './builtInCalendar.js';
import { decideCalendar } from './decide.js';
import { coverageOf } from './holidayCalendar.js';
import { evolveCalendar, initialCalendarState } from './state.js';
import { INVENTED_2027, nationalAdmin } from './testing.js';
import { addWorkingDays } from './workingDays.js';

// 2027's Tết decided (an invented decision) and recorded on 15/01/2027.
const amended = decideCalendar({
  type: 'PublishHolidayCalendar',
  data: INVENTED_2027,
  meta: nationalAdmin('2027-01-15T03:00:00Z'),
}).reduce(evolveCalendar, initialCalendarState);

describe('the calendar as known on a date', () => {
  it('is the built-in data while the log holds no publication', () => {
    expect(calendarAsKnownOn(initialCalendarState, '2027-01-20')).toBe(BUILT_IN_CALENDAR);
  });

  it('changes a 2027 deadline from the day the amendment was recorded, and not before', () => {
    const before = calendarAsKnownOn(amended, '2027-01-14');
    const after = calendarAsKnownOn(amended, '2027-01-15');
    // Thursday 04/02/2027 + 3 working days: provisionally Tue 09/02 (no Tết known), then Tue 16/02.
    expect(addWorkingDays('2027-02-04', 3, before)).toEqual({
      date: '2027-02-09',
      provisional: true,
      calendarVersion: 'built-in-2026-12',
    });
    expect(addWorkingDays('2027-02-04', 3, after)).toEqual({
      date: '2027-02-16',
      provisional: false,
      calendarVersion: 'built-in-2026-12+1',
    });
    expect(coverageOf(before, 2027)).toBe('provisional');
    expect(coverageOf(after, 2027)).toBe('decided');
  });

  it('keeps the publication’s document as the year’s source', () => {
    expect(calendarAsKnownOn(amended, '2027-02-01').years.get(2027)?.source).toBe(
      '999/VPCP-KGVX ngày 14/01/2027 của Văn phòng Chính phủ (giả định)',
    );
    expect(calendarAsKnownOn(amended, '2027-02-01').years.get(2026)?.status).toBe('decided');
  });
});
