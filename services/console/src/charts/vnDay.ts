// en-CA formats as YYYY-MM-DD; the zone is named, not assumed +07:00, so the browser and Node agree.
const DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The day in Asia/Ho_Chi_Minh (YYYY-MM-DD) of a view's date: a YYYY-MM-DD day is already one and
 * is kept as is; an instant (`2025-06-30T17:00:00Z`) is the next day's morning in Vietnam.
 */
export function vnDay(value: string | Date): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return DAY.format(typeof value === 'string' ? new Date(value) : value);
}

/** The month (YYYY-MM) a view's date falls in, in Asia/Ho_Chi_Minh. */
export const vnMonth = (value: string | Date): string => vnDay(value).slice(0, 7);

/** mm/yyyy of a YYYY-MM month, as the figures label it. */
export const monthLabel = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
