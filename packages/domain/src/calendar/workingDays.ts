import { MAX_WORKING_DAYS, ensureDateInRange, ensureDayCount } from '../shared/dateRange.js';
import { walkDays, type LocalDate } from '../shared/localDate.js';
import { dayOn, type HolidayCalendar } from './holidayCalendar.js';

/** A date computed over the calendar: provisional when a day it rests on lies in a provisional year. */
export interface CalendarDate {
  date: LocalDate;
  provisional: boolean;
  /** The calendar's `version`: which data the date was computed on. */
  calendarVersion: string;
}

/**
 * The `n`th working day after `start` (the start itself does not count), or before it if `n` is
 * negative, and whether any day crossed lies in a provisional year. Throws `CalendarUncoveredError`
 * when a day crossed lies in a year the calendar does not cover, and `DateRangeError` for more
 * than 3 660 working days or a count running past 1900–2100.
 */
export function addWorkingDays(start: LocalDate, n: number, calendar: HolidayCalendar): CalendarDate {
  ensureDateInRange(start, 'start');
  ensureDayCount(n, MAX_WORKING_DAYS);
  let provisional = false;
  let counted = 0;
  const date =
    n === 0
      ? start
      : walkDays(start, n < 0 ? -1 : 1, (day) => {
          const { working, provisional: tentative } = dayOn(calendar, day);
          provisional ||= tentative;
          return working && ++counted === Math.abs(n);
        });
  return { date, provisional, calendarVersion: calendar.version };
}

/** `date` itself if it is a working day, otherwise the next one; the same errors as `addWorkingDays`. */
export function nextWorkingDay(date: LocalDate, calendar: HolidayCalendar): CalendarDate {
  ensureDateInRange(date, 'start');
  const first = dayOn(calendar, date);
  let provisional = first.provisional;
  const next = first.working
    ? date
    : walkDays(date, 1, (day) => {
        const { working, provisional: tentative } = dayOn(calendar, day);
        provisional ||= tentative;
        return working;
      });
  return { date: next, provisional, calendarVersion: calendar.version };
}
