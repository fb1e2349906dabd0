/** What every part of a process asks for the time: the API's `now`, the scheduler's days. */
export type Clock = () => Date;

/** Vietnam keeps UTC+7 all year (no daylight saving), so local days are a fixed offset away. */
const VN_OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/**
 * The real clock, or a fixed one: `fixed` is the instant the process starts at, and time then
 * moves on from it as it does for everyone else ("as if today were 20/02/2026", not a frozen
 * second), so midnight still comes, tokens still expire and events still have distinct times.
 */
export function createClock(fixed?: string, realNow: () => number = Date.now): Clock {
  if (fixed === undefined) return () => new Date(realNow());
  const startedAt = realNow();
  const base = Date.parse(fixed);
  return () => new Date(base + (realNow() - startedAt));
}

/** The calendar day (YYYY-MM-DD) an instant falls on in Asia/Ho_Chi_Minh. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The day after a YYYY-MM-DD day. */
export function dayAfter(date: string, days = 1): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** An instant as Vietnamese read it: dd/mm/yyyy HH:mm, Asia/Ho_Chi_Minh. */
export function vietnamDateTime(instant: Date): string {
  const local = new Date(instant.getTime() + VN_OFFSET_MS).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

/** The next instant strictly after `now` at which the clock in Asia/Ho_Chi_Minh reads hh:mm. */
export function nextLocalTime(now: Date, hour = 0, minute = 5): Date {
  const today = vietnamDate(now);
  const at = Date.parse(`${today}T00:00:00Z`) - VN_OFFSET_MS + (hour * 60 + minute) * 60_000;
  return new Date(at > now.getTime() ? at : at + DAY_MS);
}
