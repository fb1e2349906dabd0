import { z } from 'zod';
import {
  DateRangeError,
  MAX_CALENDAR_DAYS,
  dateRangeError,
  ensureDateInRange,
  ensureDayCount,
  isRealDate,
  isWithinDateRange,
} from './dateRange.js';

/** A calendar date in Vietnam (Asia/Ho_Chi_Minh), as `YYYY-MM-DD`: no time, no zone, years 1900–2100. */
export const LocalDate = z
  .string()
  // `abort` keeps the later checks from seeing a string that is not YYYY-MM-DD at all.
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    error: 'ngày phải có dạng YYYY-MM-DD (date must be YYYY-MM-DD)',
    abort: true,
  })
  .refine(isRealDate, { error: 'ngày không tồn tại (no such date)', abort: true })
  .refine(isWithinDateRange, { error: 'ngày phải trong khoảng 1900–2100 (date must be within 1900–2100)' })
  .meta({ description: 'Ngày theo giờ Việt Nam, YYYY-MM-DD' });
export type LocalDate = z.infer<typeof LocalDate>;

const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** An ISO 8601 instant with its offset, whose date in Vietnam lies within 1900–2100. */
export const Instant = z.iso
  .datetime({
    offset: true,
    abort: true,
    error: 'thời điểm phải theo ISO 8601 có múi giờ (ISO 8601 with offset)',
  })
  .refine((value) => isWithinDateRange(vietnamDateOf(value) ?? ''), {
    error: 'thời điểm phải trong khoảng 1900–2100 (instant must be within 1900–2100)',
  });
export type Instant = z.infer<typeof Instant>;

/** Midnight UTC of a local date: a stable value for date arithmetic (no zone, no DST in Vietnam). */
export function toUtcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/**
 * The local date `days` after (or before, if negative) `date`. Throws `DateRangeError` when `date`
 * or the result is outside 1900–2100 or `days` is not a whole number within ±36 600.
 */
export function addDays(date: LocalDate, days: number): LocalDate {
  ensureDateInRange(date, 'start');
  ensureDayCount(days, MAX_CALENDAR_DAYS);
  const d = toUtcDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  const result = d.toISOString().slice(0, 10);
  ensureDateInRange(result, 'result');
  return result;
}

/**
 * The day a period of `months` months from `date` ends (Bộ luật Dân sự 2015, Điều 148(3)): the same
 * day of the month `months` later, or that month's last day where it has no such day (31/01 + 1 →
 * 28/02 or 29/02). Throws `DateRangeError` outside 1900–2100 or for more than 1 200 months.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  ensureDateInRange(date, 'start');
  if (!Number.isInteger(months) || Math.abs(months) > 1200) throw dateRangeError(String(months), 'result');
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const result = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
  ensureDateInRange(result, 'result');
  return result;
}

/**
 * Walks from `date` (not included) one day at a time, forwards or backwards, to the first day
 * `stop` accepts. Leaving 1900–2100 throws `DateRangeError`, so the walk always ends.
 */
export function walkDays(date: LocalDate, step: 1 | -1, stop: (day: LocalDate) => boolean): LocalDate {
  ensureDateInRange(date, 'start');
  const d = toUtcDate(date);
  for (;;) {
    d.setUTCDate(d.getUTCDate() + step);
    const day = d.toISOString().slice(0, 10);
    if (!isWithinDateRange(day)) throw dateRangeError(day, 'result');
    if (stop(day)) return day;
  }
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return toUtcDate(date).getUTCDay();
}

/**
 * The local date in Vietnam at an instant (UTC+7 all year). Not range-checked, so events already
 * stored stay readable; an unparseable instant throws `DateRangeError`.
 */
export function localDateAt(instant: string): LocalDate {
  const date = vietnamDateOf(instant);
  if (date === null) {
    throw new DateRangeError(`thời điểm không hợp lệ (${instant})`, `not a valid instant (${instant})`);
  }
  return date;
}

function vietnamDateOf(instant: string): string | null {
  const shifted = new Date(Date.parse(instant) + VIETNAM_OFFSET_MS);
  return Number.isNaN(shifted.getTime()) ? null : shifted.toISOString().slice(0, 10);
}

/** A date as a person in Vietnam reads it: dd/mm/yyyy. */
export function formatVietnameseDate(date: LocalDate): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}
