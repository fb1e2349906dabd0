import { z } from 'zod';
import { DocRef } from '../shared/docRef.js';
import { LocalDate } from '../shared/localDate.js';

/**
 * What a day of the calendar is: a holiday of Art. 112 (`statutory`), the day a holiday falling on
 * the weekly rest day moves to under Art. 111(3) (`compensatory`), a working day given off in a
 * swap (`swap-day-off`), or the weekend day worked in exchange (`swap-working-day`).
 */
export const HolidayKind = z.enum(['statutory', 'compensatory', 'swap-day-off', 'swap-working-day']);
export type HolidayKind = z.infer<typeof HolidayKind>;

/** `decided`: the law or the year's decision fixes it; `provisional`: the best knowledge until then. */
export const CalendarStatus = z.enum(['decided', 'provisional']);
export type CalendarStatus = z.infer<typeof CalendarStatus>;

/** A year's standing: decided, provisional (deadlines flagged), or uncovered (deadlines refused). */
export type CalendarCoverage = CalendarStatus | 'uncovered';

/** One dated day of the calendar, with its legal basis. */
export const HolidayEntry = z
  .object({
    date: LocalDate,
    kind: HolidayKind,
    name: z.string().min(1).max(200).meta({ description: 'Tên ngày nghỉ, e.g. Tết Dương lịch' }),
    basis: z
      .string()
      .min(1)
      .max(300)
      .meta({ description: 'Căn cứ, e.g. Bộ luật Lao động 2019, Điều 112(1)(a)' }),
    status: CalendarStatus,
  })
  .strict();
export type HolidayEntry = z.infer<typeof HolidayEntry>;

/** The document a year's calendar rests on: its number and symbol, date and issuing body. */
export const CalendarDocument = DocRef.omit({ form: true }).extend({ issuer: z.string().min(1).max(200) });
export type CalendarDocument = z.infer<typeof CalendarDocument>;

/** A year of the calendar as the built-in data or a publication gives it. */
export const CalendarYearData = z
  .object({
    year: z.number().int().min(1900).max(2100),
    status: CalendarStatus,
    entries: z.array(HolidayEntry).max(366),
    /** What is still to be decided (2027's Tết): why the year is provisional, for a reader. */
    undecided: z.array(z.string().min(1).max(300)).max(20),
  })
  .strict();

/** One year of the calendar, with where it comes from. */
export interface CalendarYear extends z.infer<typeof CalendarYearData> {
  /** Where the year comes from, in words a reader checks: the data's source or the publication's document. */
  source: string;
}
