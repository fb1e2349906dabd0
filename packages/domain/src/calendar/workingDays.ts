import { MAX_WORKING_DAYS, ensureDateInRange, ensureDayCount } from '../shared/dateRange.js';
import { walkDays, weekday, type LocalDate } from '../shared/localDate.js';
import { HOLIDAYS, type HolidayYear } from './holidays.js';

/** Working-day arithmetic over a holiday calendar (the national one unless a test supplies another). */
export interface WorkingCalendar {
  isWorkingDay(date: LocalDate): boolean;
}

/** A calendar from holiday data: weekends and days off are not working days, swapped weekends are. */
export function workingCalendar(years: readonly HolidayYear[] = HOLIDAYS): WorkingCalendar {
  const off = new Set(years.flatMap((y) => y.daysOff));
  const worked = new Set(years.flatMap((y) => y.workingWeekendDays));
  return {
    isWorkingDay(date: LocalDate): boolean {
      if (worked.has(date)) return true;
      const day = weekday(date);
      return day !== 0 && day !== 6 && !off.has(date);
    },
  };
}

/** The national calendar. */
export const VIETNAM_CALENDAR: WorkingCalendar = workingCalendar();

/**
 * The `n`th working day after `date` (the day itself does not count), or before it if `n` is
 * negative. Throws `DateRangeError` for more than 3 660 working days, or when the count runs past
 * 1900–2100: the range bounds the day-by-day walk, whatever the calendar says.
 */
export function addWorkingDays(
  date: LocalDate,
  n: number,
  calendar: WorkingCalendar = VIETNAM_CALENDAR,
): LocalDate {
  ensureDateInRange(date, 'start');
  ensureDayCount(n, MAX_WORKING_DAYS);
  if (n === 0) return date;
  let counted = 0;
  return walkDays(date, n < 0 ? -1 : 1, (day) => calendar.isWorkingDay(day) && ++counted === Math.abs(n));
}

/** `date` itself if it is a working day, otherwise the next one; `DateRangeError` past 2100. */
export function nextWorkingDay(date: LocalDate, calendar: WorkingCalendar = VIETNAM_CALENDAR): LocalDate {
  ensureDateInRange(date, 'start');
  return calendar.isWorkingDay(date) ? date : walkDays(date, 1, (day) => calendar.isWorkingDay(day));
}
