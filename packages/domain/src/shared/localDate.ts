import { z } from 'zod';

/** A calendar date in Vietnam (Asia/Ho_Chi_Minh), as `YYYY-MM-DD`: no time, no zone. */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD (date must be YYYY-MM-DD)')
  .refine((value) => toUtcDate(value).toISOString().startsWith(value), 'ngày không tồn tại (no such date)')
  .meta({ description: 'Ngày theo giờ Việt Nam, YYYY-MM-DD' });
export type LocalDate = z.infer<typeof LocalDate>;

/** Midnight UTC of a local date: a stable value for date arithmetic (no zone, no DST in Vietnam). */
export function toUtcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The local date `days` after (or before, if negative) `date`. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = toUtcDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return toUtcDate(date).getUTCDay();
}

/** The local date in Vietnam at an instant (UTC+7 all year). */
export function localDateAt(instant: string): LocalDate {
  return new Date(Date.parse(instant) + 7 * 3600_000).toISOString().slice(0, 10);
}

/** A date as a person in Vietnam reads it: dd/mm/yyyy. */
export function formatVietnameseDate(date: LocalDate): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}
