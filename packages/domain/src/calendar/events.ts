import { defineEvent, type EventOf } from '../shared/defineEvent.js';
import { cite } from '../shared/legalBasis.js';
import { Instant } from '../shared/localDate.js';
import { CalendarDocument, CalendarYearData } from './holidayEntry.js';

/** The one stream of the national calendar is `calendar-vn`. */
export const CALENDAR_ID = 'vn';

/**
 * A year's holiday calendar as an authorised administrator published it: its days with their
 * kinds and bases, whether it is decided, and the document it rests on. A later publication for
 * the same year amends it (replaces the year) from the moment it was recorded.
 */
export const HolidayCalendarPublished = defineEvent({
  type: 'HolidayCalendarPublished',
  version: 1,
  aggregate: 'calendar',
  label: { vi: 'Công bố lịch nghỉ lễ, Tết', en: 'Holiday calendar published' },
  emittedBy: ['admin'],
  basis: [cite('BLLĐ', '111(3)'), cite('BLLĐ', '112')],
  schema: CalendarYearData.extend({
    document: CalendarDocument,
    /** When the publication was recorded (the command's `now`): the calendar is known so from then on. */
    publishedAt: Instant,
  }).strict(),
});

export const CALENDAR_EVENTS = [HolidayCalendarPublished] as const;
export type CalendarEvent = EventOf<(typeof CALENDAR_EVENTS)[number]>;
