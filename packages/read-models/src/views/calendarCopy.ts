import type { RecordedEvent } from '@dacxa/event-store';
import {
  BUILT_IN_CALENDAR,
  calendarAsKnownOn,
  evolveCalendar,
  type CalendarEvent,
  type CalendarState,
  type HolidayCalendar,
} from '@dacxa/domain';
import type { ReadDoc, Target } from '../engine/projection.js';
import type { Doc } from '../types.js';

/** A view's own copy of the calendar's publications, kept as one of its documents. */
export interface CalendarCopyDoc extends CalendarState {
  [key: string]: unknown;
}

/** Whether an event publishes (or amends) a year of the calendar. */
export const isPublication = (event: RecordedEvent): boolean =>
  event.stream === 'calendar-vn' && event.type === 'HolidayCalendarPublished';

/** The document a view keeps its copy of the calendar in: one per view, in its own collection. */
export const calendarCopyTarget = (collection: string): Target => ({ collection, id: 'calendar-vn' });

/** The copy after a publication (the log's order is the order they were recorded). */
export function foldPublication(doc: Doc | null, event: RecordedEvent): CalendarCopyDoc {
  const state: CalendarState = { publications: (doc as CalendarCopyDoc | null)?.publications ?? [] };
  return { ...evolveCalendar(state, event as unknown as CalendarEvent) };
}

/** The calendar as the view knows it: the built-in years overlaid by every publication it has folded. */
export function calendarOfCopy(doc: Doc | null): HolidayCalendar {
  const publications = (doc as CalendarCopyDoc | null)?.publications ?? [];
  const latest = publications.reduce<string | null>(
    (m, p) => (m === null || p.knownFrom > m ? p.knownFrom : m),
    null,
  );
  return latest ? calendarAsKnownOn({ publications }, latest) : BUILT_IN_CALENDAR;
}

/**
 * The calendar an event is counted on, from the copy `read` holds: the copy as it stood before
 * the event, with the event itself folded in when it is a publication.
 */
export function calendarFor(event: RecordedEvent, read: ReadDoc, collection: string): HolidayCalendar {
  const copy = read(calendarCopyTarget(collection));
  return calendarOfCopy(isPublication(event) ? foldPublication(copy, event) : copy);
}
