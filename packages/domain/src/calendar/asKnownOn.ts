import type { LocalDate } from '../shared/localDate.js';
import { BUILT_IN_CALENDAR, BUILT_IN_EDITION, BUILT_IN_YEARS } from './builtInCalendar.js';
import { holidayCalendar, type HolidayCalendar } from './holidayCalendar.js';
import type { CalendarState } from './state.js';

/**
 * The calendar as it was known on `date`: the built-in years overlaid, year by year, by every
 * publication recorded up to the end of that day (a later one for a year replaces an earlier one).
 * Its version names the built-in edition and how many publications lie over it.
 */
export function calendarAsKnownOn(state: CalendarState, date: LocalDate): HolidayCalendar {
  const known = state.publications.filter((p) => p.knownFrom <= date);
  if (known.length === 0) return BUILT_IN_CALENDAR;
  return holidayCalendar([...BUILT_IN_YEARS, ...known], `${BUILT_IN_EDITION}+${known.length}`);
}
