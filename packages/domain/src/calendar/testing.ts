import type { CommandMeta } from '../shared/command.js';
import type { CalendarCommand } from './commands.js';
import type { CalendarYear, HolidayEntry } from './holidayEntry.js';
import { holidayCalendar, type HolidayCalendar } from './holidayCalendar.js';
import { YEAR_2027 } from './years/year2027.js';

/** A provisional, weekends-only calendar for every year of 1900–2100: for tests of the arithmetic's bounds. */
export function everyYearCalendar(): HolidayCalendar {
  const years: CalendarYear[] = [];
  for (let year = 1900; year <= 2100; year++)
    years.push({ year, status: 'provisional', entries: [], undecided: [], source: 'test' });
  return holidayCalendar(years, 'test-every-year');
}

const tet = (date: string, name: string, kind: HolidayEntry['kind'] = 'statutory'): HolidayEntry => ({
  date,
  kind,
  name,
  basis: 'Bộ luật Lao động 2019, Điều 112(1)(b) (giả định cho kiểm thử)',
  status: 'decided',
});

/**
 * An invented decision on 2027 for tests: Tết Đinh Mùi Friday 05/02 – Tuesday 09/02, its weekend
 * days compensated on 10–11/02, and Friday 03/09 beside National Day. Not a real decision.
 */
export const INVENTED_2027: Extract<CalendarCommand, { type: 'PublishHolidayCalendar' }>['data'] = {
  year: 2027,
  status: 'decided',
  undecided: [],
  entries: [
    ...YEAR_2027.entries,
    tet('2027-02-05', 'Tết Nguyên đán Đinh Mùi (ngày cuối năm Bính Ngọ)'),
    tet('2027-02-06', 'Tết Nguyên đán Đinh Mùi (mùng 1)'),
    tet('2027-02-07', 'Tết Nguyên đán Đinh Mùi (mùng 2)'),
    tet('2027-02-08', 'Tết Nguyên đán Đinh Mùi (mùng 3)'),
    tet('2027-02-09', 'Tết Nguyên đán Đinh Mùi (mùng 4)'),
    tet('2027-02-10', 'Nghỉ bù Tết Nguyên đán', 'compensatory'),
    tet('2027-02-11', 'Nghỉ bù Tết Nguyên đán', 'compensatory'),
    { ...tet('2027-09-03', 'Quốc khánh (ngày liền kề)'), basis: 'Bộ luật Lao động 2019, Điều 112(1)(đ)' },
  ],
  document: { number: '999/VPCP-KGVX', date: '2027-01-14', issuer: 'Văn phòng Chính phủ (giả định)' },
};

/** A national administrator's metadata at an instant. */
export const nationalAdmin = (now: string, role: CommandMeta['role'] = 'admin'): CommandMeta => ({
  actor: 'u-admin',
  role,
  unit: 'bo-cong-an',
  now,
});
