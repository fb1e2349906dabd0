import { z } from 'zod';
import { addDays, addMonths, LocalDate } from '../shared/localDate.js';
import { dueDate, type PeriodLimit } from './deadlines.js';
import { nextWorkingDay } from './workingDays.js';
import { DEADLINE_RULES, deadlineRule, type DeadlineRuleId } from './deadlineRules.js';
import { CalendarUncoveredError } from './calendarUncoveredError.js';
import { NO_CALENDAR_VERSION, type HolidayCalendar } from './holidayCalendar.js';
import type { CalendarDate } from './workingDays.js';

const RULE_IDS = Object.keys(DEADLINE_RULES) as [DeadlineRuleId, ...DeadlineRuleId[]];

/**
 * What a deadline comes from, as an event records it: the rule, the day counted from, and the
 * calendar the recorded date was computed on (and whether that was provisional). Views derive the
 * due date from these over the calendar as they know it, so an amended calendar corrects it.
 */
export const DeadlineFact = z
  .object({
    rule: z.enum(RULE_IDS),
    from: LocalDate,
    /** The calendar's version when recorded (`unrecorded` for events from before facts were kept). */
    calendarVersion: z.string().min(1),
    provisional: z.boolean(),
  })
  .strict();
export type DeadlineFact = z.infer<typeof DeadlineFact>;

/** The deadlines an event opened, beside the dates it computed from them. */
export const DeadlineFacts = z.array(DeadlineFact).min(1).max(2);

/** The rule's own count and kind; a rule whose opening event sets them needs `limit` passed. */
function limitOf(rule: DeadlineRuleId, limit?: PeriodLimit): PeriodLimit {
  const declared = deadlineRule(rule).limit;
  if (limit) return limit;
  if ('days' in declared && 'kind' in declared) return declared;
  throw new TypeError(`${rule}: the opening event sets the limit`);
}

/** The due date of a deadline counted from `from` under its rule, over `calendar`. */
export function dueUnderRule(
  rule: DeadlineRuleId,
  from: LocalDate,
  calendar: HolidayCalendar,
  limit?: PeriodLimit,
): CalendarDate {
  const applied = limitOf(rule, limit);
  if ('months' in applied) {
    const end = addMonths(from, applied.months);
    return deadlineRule(rule).movesOffDayOff
      ? nextWorkingDay(end, calendar)
      : { date: end, provisional: false, calendarVersion: calendar.version };
  }
  if (applied.kind === 'CALENDAR' && !deadlineRule(rule).movesOffDayOff)
    return { date: addDays(from, applied.days), provisional: false, calendarVersion: calendar.version };
  return dueDate(from, applied, calendar);
}

/** A deadline a decider opens: the date to record (as computed now) and the facts it comes from. */
export function openDeadline(
  rule: DeadlineRuleId,
  from: LocalDate,
  calendar: HolidayCalendar,
  limit?: PeriodLimit,
): { date: LocalDate; fact: DeadlineFact } {
  // A step that opens a deadline must be given the log's calendar, even for a count that needs none.
  if (calendar.version === NO_CALENDAR_VERSION)
    throw new TypeError(`${rule}: the step that opens it is missing from calendarContext's DATED`);
  const { date, provisional, calendarVersion } = dueUnderRule(rule, from, calendar, limit);
  return { date, fact: { rule, from, calendarVersion, provisional } };
}

/**
 * A deadline opened ahead of its time (the next quarter's report): where its day falls in a year
 * the calendar does not cover yet, the facts are kept, flagged provisional, and the views count
 * the date once that year is published. The act that opens it is not refused for a later year.
 */
export function openDeadlineAhead(
  rule: DeadlineRuleId,
  from: LocalDate,
  calendar: HolidayCalendar,
  limit?: PeriodLimit,
): DeadlineFact {
  try {
    return openDeadline(rule, from, calendar, limit).fact;
  } catch (error) {
    if (!(error instanceof CalendarUncoveredError)) throw error;
    return { rule, from, calendarVersion: calendar.version, provisional: true };
  }
}
