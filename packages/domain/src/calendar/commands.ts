import { defineCommand, type CommandOf } from '../shared/command.js';
import { HolidayCalendarPublished } from './events.js';

export const CALENDAR_COMMANDS = [
  defineCommand({
    type: 'PublishHolidayCalendar',
    label: { vi: 'Công bố lịch nghỉ lễ, Tết', en: 'Publish a holiday calendar' },
    // The instant of publication is the command's own, never the body's.
    schema: HolidayCalendarPublished.schema.omit({ publishedAt: true }),
  }),
] as const;
export type CalendarCommand = CommandOf<(typeof CALENDAR_COMMANDS)[number]>;
