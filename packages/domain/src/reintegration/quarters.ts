import { dueDate } from '../calendar/deadlines.js';
import { VIETNAM_CALENDAR, type WorkingCalendar } from '../calendar/workingDays.js';
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
export function quarterlyReportDue(quarter: string, calendar: WorkingCalendar = VIETNAM_CALENDAR): LocalDate {
  return dueDate(addDays(dayAfterQuarter(quarter), -1), { days: 5, kind: 'CALENDAR' }, calendar);
}
