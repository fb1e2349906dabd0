import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/localDate.js';
import { BUILT_IN_CALENDAR as VN } from './builtInCalendar.js';
import { CalendarUncoveredError } from './calendarUncoveredError.js';
import { coverageOf, isWorkingDay } from './holidayCalendar.js';
import { addWorkingDays, nextWorkingDay } from './workingDays.js';

const on = (start: string, n: number) => addWorkingDays(start, n, VN).date;

describe('working days over the built-in calendar', () => {
  it('skips Tết Bính Ngọ 2026: three working days after Thursday 12/02 end on Tuesday 24/02', () => {
    // Fri 13/02 is the first; Sat 14/02 – Sun 22/02 are off (mùng 1 is Tue 17/02); then Mon 23, Tue 24.
    expect(on('2026-02-12', 1)).toBe('2026-02-13');
    expect(on('2026-02-12', 3)).toBe('2026-02-24');
    expect(on('2026-02-12', 5)).toBe('2026-02-26');
  });

  it('skips 30/4 and 1/5/2026 (Thursday and Friday)', () => {
    expect(on('2026-04-29', 1)).toBe('2026-05-04');
    expect(on('2026-04-29', 3)).toBe('2026-05-06');
  });

  it('skips Hùng Kings on Sunday 26/04/2026 and its compensatory Monday 27/04', () => {
    expect(on('2026-04-24', 1)).toBe('2026-04-28');
  });

  it('counts Saturday 22/08/2026 as worked and skips 31/08 – 02/09/2026', () => {
    expect(on('2026-08-21', 1)).toBe('2026-08-22');
    // Thu 27/08: Fri 28 (1); Sat 29 – Wed 02/09 off; Thu 03/09 (2), Fri 04/09 (3).
    expect(on('2026-08-27', 3)).toBe('2026-09-04');
    expect(isWorkingDay(VN, '2026-08-31')).toBe(false);
  });

  it('counts Saturday 10/01/2026 as worked and Friday 02/01/2026 as off', () => {
    expect(on('2025-12-31', 1)).toBe('2026-01-05');
    expect(on('2026-01-09', 1)).toBe('2026-01-10');
    expect(isWorkingDay(VN, '2026-01-02')).toBe(false);
  });

  it('counts backwards for a negative number of working days', () => {
    // Tuesday 02/09/2025 is National Day; the working day before Wednesday 03/09 is Friday 29/08.
    expect(on('2025-09-03', -1)).toBe('2025-08-29');
  });

  it('says which data it counted on and that a decided year is not provisional', () => {
    expect(addWorkingDays('2026-02-12', 3, VN)).toEqual({
      date: '2026-02-24',
      provisional: false,
      calendarVersion: 'built-in-2026-12',
    });
  });

  it('flags a count crossing into provisional 2027, on the days the Code fixes', () => {
    // Thu 31/12/2026 (1); Fri 01/01/2027 is New Year; Mon 04/01 (2), Tue 05/01 (3).
    expect(addWorkingDays('2026-12-30', 3, VN)).toMatchObject({ date: '2027-01-05', provisional: true });
    expect(addWorkingDays('2027-04-29', 1, VN)).toMatchObject({ date: '2027-05-04', provisional: true });
    expect(coverageOf(VN, 2027)).toBe('provisional');
  });

  it('refuses a count that reaches an uncovered year with ERR_CALENDAR_UNCOVERED', () => {
    expect(coverageOf(VN, 2029)).toBe('uncovered');
    expect(() => addWorkingDays('2029-03-01', 1, VN)).toThrow(CalendarUncoveredError);
    expect(() => addWorkingDays('2027-12-30', 3, VN)).toThrow(
      expect.objectContaining({ code: 'ERR_CALENDAR_UNCOVERED', year: 2028 }),
    );
    expect(() => nextWorkingDay('2023-12-31', VN)).toThrow(
      /Chưa có lịch nghỉ lễ, Tết năm 2023.*\(no holiday/,
    );
  });
});

const day = (offset: number) => addDays('2024-01-01', offset);
const workingBetween = (from: string, to: string): number => {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(VN, d)) count++;
  return count;
};

describe('addWorkingDays, as a property over 2024–2027', () => {
  it('lands on a working day and crosses exactly n working days, forwards and backwards', () => {
    // Starts from 10/05/2024 to 30/09/2027, so sixty working days either way stay inside the covered years.
    const start = fc.integer({ min: 130, max: 1368 }).map(day);
    const n = fc.integer({ min: -60, max: 60 }).filter((x) => x !== 0);
    fc.assert(
      fc.property(start, n, (from, count) => {
        const { date } = addWorkingDays(from, count, VN);
        expect(isWorkingDay(VN, date)).toBe(true);
        if (count > 0) expect(workingBetween(from, date)).toBe(count);
        else expect(workingBetween(date, from) - (isWorkingDay(VN, from) ? 1 : 0) + 1).toBe(-count);
      }),
      { numRuns: 300 },
    );
  });
});
