import { weekday, type LocalDate } from '../shared/localDate.js';
import { CalendarUncoveredError } from './calendarUncoveredError.js';
import type { CalendarCoverage, CalendarYear, HolidayKind } from './holidayEntry.js';

/** The holiday calendar as a value: the years it covers and which data it was built from. */
export interface HolidayCalendar {
  /** Which data: the built-in edition, and how many publications from the log lie over it. */
  readonly version: string;
  readonly years: ReadonlyMap<number, CalendarYear>;
  /** Every entry's kind by date, for day-by-day arithmetic. */
  readonly days: ReadonlyMap<LocalDate, HolidayKind>;
}

/** A calendar of these years (a later year of the same number replaces an earlier one). */
/** The version of the calendar a step that computes no date gets (calendarContext's `NO_CALENDAR`). */
export const NO_CALENDAR_VERSION = 'none';

export function holidayCalendar(years: readonly CalendarYear[], version: string): HolidayCalendar {
  const byYear = new Map(years.map((y) => [y.year, y]));
  const days = new Map<LocalDate, HolidayKind>();
  for (const year of byYear.values()) for (const entry of year.entries) days.set(entry.date, entry.kind);
  return { version, years: byYear, days };
}

const yearOf = (date: LocalDate): number => Number(date.slice(0, 4));

/** Whether a year is decided, provisional or not covered at all. */
export function coverageOf(calendar: HolidayCalendar, year: number): CalendarCoverage {
  return calendar.years.get(year)?.status ?? 'uncovered';
}

/** How a day stands: whether it is worked, and whether its year is only provisional. */
export interface CalendarDay {
  working: boolean;
  provisional: boolean;
}

/**
 * A day as the calendar has it: a swapped weekend day is worked; a holiday, a compensatory day and
 * a swapped day off are not; otherwise Monday to Friday are worked. Throws `CalendarUncoveredError`
 * for a day in a year the calendar does not cover.
 */
export function dayOn(calendar: HolidayCalendar, date: LocalDate): CalendarDay {
  const coverage = coverageOf(calendar, yearOf(date));
  if (coverage === 'uncovered') throw new CalendarUncoveredError(yearOf(date));
  const kind = calendar.days.get(date);
  const day = weekday(date);
  const working = kind === undefined ? day !== 0 && day !== 6 : kind === 'swap-working-day';
  return { working, provisional: coverage === 'provisional' };
}

/** Whether a day is worked (`CalendarUncoveredError` for a year the calendar does not cover). */
export function isWorkingDay(calendar: HolidayCalendar, date: LocalDate): boolean {
  return dayOn(calendar, date).working;
}
