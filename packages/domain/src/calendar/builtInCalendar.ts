import type { CalendarYear } from './holidayEntry.js';
import { holidayCalendar, type HolidayCalendar } from './holidayCalendar.js';
import { YEAR_2024 } from './years/year2024.js';
import { YEAR_2025 } from './years/year2025.js';
import { YEAR_2026 } from './years/year2026.js';
import { YEAR_2027 } from './years/year2027.js';

/** The edition of the built-in data: what `calendarVersion` names before any publication. */
export const BUILT_IN_EDITION = 'built-in-2026-12';

/**
 * The years dacxa ships with (docs/domain.md, "Lịch nghỉ"): 2024–2026 decided, 2027 provisional.
 * The log's publications (`HolidayCalendarPublished`) lie over them; a year in neither is uncovered.
 */
export const BUILT_IN_YEARS: readonly CalendarYear[] = [YEAR_2024, YEAR_2025, YEAR_2026, YEAR_2027];

/** The built-in data alone: the calendar as known before anything was published in the log. */
export const BUILT_IN_CALENDAR: HolidayCalendar = holidayCalendar(BUILT_IN_YEARS, BUILT_IN_EDITION);
