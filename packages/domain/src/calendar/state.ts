import { formatVietnameseDate, localDateAt, type LocalDate } from '../shared/localDate.js';
import type { CalendarEvent } from './events.js';
import type { CalendarDocument, CalendarYear } from './holidayEntry.js';

/** A year as a publication in the log gave it, and from which day it is known. */
export interface Publication extends CalendarYear {
  document: CalendarDocument;
  publishedAt: string;
  /** The day in Vietnam it was recorded: the calendar "as known on D" includes it from then. */
  knownFrom: LocalDate;
}

/** The calendar stream: every publication, in log order (amendments are later publications). */
export interface CalendarState {
  publications: readonly Publication[];
}
export const initialCalendarState: CalendarState = { publications: [] };

const cites = (d: CalendarDocument) => `${d.number} ngày ${formatVietnameseDate(d.date)} của ${d.issuer}`;

export function evolveCalendar(state: CalendarState, event: CalendarEvent): CalendarState {
  switch (event.type) {
    case 'HolidayCalendarPublished': {
      const { publishedAt, document } = event.data;
      const publication = {
        ...event.data,
        source: cites(document),
        knownFrom: localDateAt(publishedAt),
      };
      return { publications: [...state.publications, publication] };
    }
  }
}
