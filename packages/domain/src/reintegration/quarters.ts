import { openDeadline, openDeadlineAhead, type DeadlineFact } from '../calendar/deadlineFact.js';
import { nextQuarter, quarterEnd, quarterOf } from '../calendar/deadlineFactsOf.js';
import type { HolidayCalendar } from '../calendar/holidayCalendar.js';
import { addDays, type LocalDate } from '../shared/localDate.js';

/** The first day after a quarter (`2025-Q3` → `2025-10-01`). */
export function dayAfterQuarter(quarter: string): LocalDate {
  return addDays(quarterEnd(quarter), 1);
}

/**
 * A quarter's supervisor report is due within the first 5 days of the next quarter's first month
 * (TT10 10(4)): day 5, moved to the next working day when it is a day off.
 */
export function quarterlyReportDeadline(
  quarter: string,
  calendar: HolidayCalendar,
): { date: LocalDate; fact: DeadlineFact } {
  return openDeadline('case.quarterly-report', quarterEnd(quarter), calendar);
}

/** The date `quarterlyReportDeadline` gives. */
export function quarterlyReportDue(quarter: string, calendar: HolidayCalendar): LocalDate {
  return quarterlyReportDeadline(quarter, calendar).date;
}

/** The report owed for the quarter a day falls in (a supervisor decided that day reports on it). */
export const reportOwedFor = (day: LocalDate, calendar: HolidayCalendar): DeadlineFact =>
  openDeadlineAhead('case.quarterly-report', quarterEnd(quarterOf(day)), calendar);

/** The next quarter's report, owed once this quarter's is in. */
export const nextReportOwed = (quarter: string, calendar: HolidayCalendar): DeadlineFact =>
  openDeadlineAhead('case.quarterly-report', quarterEnd(nextQuarter(quarter)), calendar);
