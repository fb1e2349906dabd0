import { openDeadline, type DeadlineFact } from '../calendar/deadlineFact.js';
import type { HolidayCalendar } from '../calendar/holidayCalendar.js';
import { addDays, type LocalDate } from '../shared/localDate.js';

/** The first day after a quarter (`2025-Q3` → `2025-10-01`). */
export function dayAfterQuarter(quarter: string): LocalDate {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
}

/**
 * A quarter's supervisor report is due within the first 5 days of the next quarter's first month
 * (TT10 10(4)): day 5, moved to the next working day when it is a day off.
 */
export function quarterlyReportDeadline(
  quarter: string,
  calendar: HolidayCalendar,
): { date: LocalDate; fact: DeadlineFact } {
  return openDeadline('case.quarterly-report', addDays(dayAfterQuarter(quarter), -1), calendar);
}

/** The date `quarterlyReportDeadline` gives. */
export function quarterlyReportDue(quarter: string, calendar: HolidayCalendar): LocalDate {
  return quarterlyReportDeadline(quarter, calendar).date;
}
