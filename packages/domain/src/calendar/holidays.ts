import type { LocalDate } from '../shared/localDate.js';

/** One year's public holidays in Vietnam: days off, and weekend days made working days by a swap. */
export interface HolidayYear {
  year: number;
  /** Every day off that is not already a Saturday or Sunday, bridging days included. */
  daysOff: readonly LocalDate[];
  /** Saturdays or Sundays worked in exchange for a bridging day off. */
  workingWeekendDays: readonly LocalDate[];
  /** Where the list comes from; a new year is added when the government announces it. */
  source: string;
}

/**
 * Public holidays as data (Bộ luật Lao động 2019, Điều 112, and each year's notice of the ministry
 * in charge of labour). A holiday that falls on a weekend moves to the next working day under that
 * article; each year's notice already lists the day it moved to.
 */
export const HOLIDAYS: readonly HolidayYear[] = [
  {
    year: 2024,
    daysOff: [
      '2024-01-01',
      // Tết Giáp Thìn: 08/02 to 14/02.
      '2024-02-08',
      '2024-02-09',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-04-18', // Giỗ Tổ Hùng Vương
      '2024-04-29', // bridging day, worked back on Saturday 04/05
      '2024-04-30',
      '2024-05-01',
      '2024-09-02',
      '2024-09-03',
    ],
    workingWeekendDays: ['2024-05-04'],
    source: 'Lịch nghỉ lễ, Tết năm 2024 theo thông báo của Bộ Lao động – Thương binh và Xã hội',
  },
  {
    year: 2025,
    daysOff: [
      '2025-01-01',
      // Tết Ất Tỵ: 25/01 to 02/02.
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-07', // Giỗ Tổ Hùng Vương
      '2025-04-30',
      '2025-05-01',
      '2025-05-02', // bridging day, worked back on Saturday 26/04
      '2025-09-01',
      '2025-09-02',
    ],
    workingWeekendDays: ['2025-04-26'],
    source: 'Lịch nghỉ lễ, Tết năm 2025 theo thông báo của Bộ Lao động – Thương binh và Xã hội và Bộ Nội vụ',
  },
];

/** The years the calendar knows; past them only weekends are days off until a year is added. */
export const KNOWN_HOLIDAY_YEARS: readonly number[] = HOLIDAYS.map((y) => y.year);
