/** The first local date the domain accepts: nothing it records happened earlier. */
export const MIN_LOCAL_DATE = '1900-01-01';
/** The last local date the domain accepts: past it, date arithmetic is refused rather than run. */
export const MAX_LOCAL_DATE = '2100-12-31';
/** The most calendar days one step of date arithmetic may move (about a century). */
export const MAX_CALENDAR_DAYS = 36_600;
/** The most working days one step of working-day arithmetic may count (about fourteen years). */
export const MAX_WORKING_DAYS = 3_660;

/** Date arithmetic refused because a date or a day count is out of bounds: a client error, never a hang. */
export class DateRangeError extends Error {
  readonly code = 'ERR_DATE_RANGE';
  readonly vi: string;
  readonly en: string;

  constructor(vi: string, en: string) {
    super(`${vi} — ${en}`);
    this.name = 'DateRangeError';
    this.vi = vi;
    this.en = en;
  }
}

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a strict `YYYY-MM-DD` that names a real day (no 2025-02-30). */
export function isRealDate(value: string): boolean {
  const parts = SHAPE.exec(value);
  if (!parts) return false;
  // Arithmetic rather than a Date round trip: every command checks several dates on its hot path.
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

/** Whether a strict `YYYY-MM-DD` lies within 1900–2100 (string order is date order for this shape). */
export function isWithinDateRange(value: string): boolean {
  return value >= MIN_LOCAL_DATE && value <= MAX_LOCAL_DATE;
}

const ROLE = {
  start: { vi: 'ngày bắt đầu', en: 'the start date' },
  result: { vi: 'ngày tính ra', en: 'the resulting date' },
} as const;

/** The refusal for a date that is not real or not within 1900–2100. */
export function dateRangeError(value: unknown, role: keyof typeof ROLE): DateRangeError {
  return new DateRangeError(
    `${ROLE[role].vi} phải là ngày có thật trong khoảng 1900–2100 (${String(value)})`,
    `${ROLE[role].en} must be a real date within 1900–2100 (${String(value)})`,
  );
}

/** Refuses unless `value` is a real date within 1900–2100: the start of a computation, or its result. */
export function ensureDateInRange(value: unknown, role: keyof typeof ROLE): asserts value is string {
  if (typeof value !== 'string' || !isRealDate(value) || !isWithinDateRange(value))
    throw dateRangeError(value, role);
}

/** Refuses unless `count` is a whole number of days no larger than `max` either way. */
export function ensureDayCount(count: unknown, max: number): asserts count is number {
  if (typeof count === 'number' && Number.isInteger(count) && Math.abs(count) <= max) return;
  throw new DateRangeError(
    `số ngày phải là số nguyên, tối đa ${max} (${String(count)})`,
    `the day count must be a whole number of at most ${max} (${String(count)})`,
  );
}
