/**
 * A working-day count reached a year the calendar does not cover: refused rather than computed on
 * weekends alone, which would put a deadline on a holiday nobody has recorded yet.
 */
export class CalendarUncoveredError extends Error {
  readonly code = 'ERR_CALENDAR_UNCOVERED';
  readonly year: number;
  readonly vi: string;
  readonly en: string;

  constructor(year: number) {
    const vi = `Chưa có lịch nghỉ lễ, Tết năm ${year}: chưa tính được thời hạn`;
    const en = `no holiday calendar for ${year}: the deadline cannot be computed`;
    super(`${vi} (${en})`);
    this.name = 'CalendarUncoveredError';
    this.year = year;
    this.vi = vi;
    this.en = en;
  }
}
