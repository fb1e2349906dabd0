import { addDays, weekday, type LocalDate } from '../shared/localDate.js';
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

/** The `n`th working day after `date` (the day itself does not count). */
export function addWorkingDays(
  date: LocalDate,
  n: number,
  calendar: WorkingCalendar = VIETNAM_CALENDAR,
): LocalDate {
  let current = date;
  for (let counted = 0; counted < n;) {
    current = addDays(current, 1);
    if (calendar.isWorkingDay(current)) counted++;
  }
  return current;
}

/** `date` itself if it is a working day, otherwise the next working day. */
export function nextWorkingDay(date: LocalDate, calendar: WorkingCalendar = VIETNAM_CALENDAR): LocalDate {
  let current = date;
  while (!calendar.isWorkingDay(current)) current = addDays(current, 1);
  return current;
}
