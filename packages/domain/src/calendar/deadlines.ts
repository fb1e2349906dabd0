import { z } from 'zod';
import { addDays, type LocalDate } from '../shared/localDate.js';
import type { HolidayCalendar } from './holidayCalendar.js';
import { addWorkingDays, nextWorkingDay, type CalendarDate } from './workingDays.js';

/** Whether a time limit counts calendar days ("ngày") or working days ("ngày làm việc"). */
export const DayKind = z.enum(['CALENDAR', 'WORKING']);
export type DayKind = z.infer<typeof DayKind>;

/** A time limit as the law states it: so many days of a kind, after some event. */
export interface TimeLimit {
  days: number;
  kind: DayKind;
}

/** A period of whole months (a loan's term): ends on the same day so many months on (BLDS 148(3)). */
export interface MonthsLimit {
  months: number;
}

/** What a deadline rule counts: days of a kind, or months. */
export type PeriodLimit = TimeLimit | MonthsLimit;

/**
 * The last day on which a step is on time. Working days count forward over the holiday calendar;
 * a calendar-day period counts calendar days, and one that ends on a day off ends on the next
 * working day instead (Bộ luật Dân sự 2015, Điều 148(5)). Provisional when a day it rests on lies
 * in a provisional year; throws `CalendarUncoveredError` for a day in an uncovered year and
 * `DateRangeError` outside 1900–2100 or for a period longer than the arithmetic allows.
 */
export function dueDate(start: LocalDate, limit: TimeLimit, calendar: HolidayCalendar): CalendarDate {
  return limit.kind === 'WORKING'
    ? addWorkingDays(start, limit.days, calendar)
    : nextWorkingDay(addDays(start, limit.days), calendar);
}

/** Whether a step done on `doneOn` (or still not done on `today`) is late against `due`. */
export function isLate(due: LocalDate, doneOn: LocalDate): boolean {
  return doneOn > due;
}
