import { cite } from '../shared/legalBasis.js';
import { weekday } from '../shared/localDate.js';
import { defineRule, ensure } from '../shared/rules.js';
import type { CalendarCommand } from './commands.js';
import type { CalendarEvent } from './events.js';

const illegal = (id: string, vi: string, en: string, article?: string) =>
  defineRule({
    id: `calendar.${id}`,
    kind: 'illegal-state',
    vi,
    en,
    ...(article ? { basis: cite('BLLĐ', article) } : {}),
  });
export const CALENDAR_RULES = {
  adminOnly: defineRule({
    id: 'calendar.admin-only',
    kind: 'forbidden',
    vi: 'Chỉ quản trị hệ thống cấp trung ương công bố lịch nghỉ lễ, Tết',
    en: 'Only a national administrator publishes the holiday calendar',
  }),
  outsideYear: illegal('entry-outside-year', 'Ngày không thuộc năm công bố', 'A day lies outside the year'),
  duplicate: illegal('duplicate-date', 'Một ngày được ghi hai lần', 'A day is listed twice'),
  workedWeekday: illegal(
    'swap-working-day-not-weekend',
    'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật',
    'A swap working day must be a Saturday or Sunday',
  ),
  offWeekend: illegal(
    'swap-day-off-on-weekend',
    'Ngày nghỉ hoán đổi phải là ngày làm việc trong tuần',
    'A swap day off must be a weekday',
  ),
  decidedWithOpenPoints: illegal(
    'decided-year-not-final',
    'Lịch đã quyết định không được còn ngày tạm tính hoặc nội dung chưa quyết định',
    'A decided year has no provisional day and nothing left undecided',
  ),
  fixedHolidayMissing: illegal(
    'fixed-holiday-missing',
    'Thiếu ngày lễ cố định theo Điều 112(1) Bộ luật Lao động',
    'A holiday the Labour Code fixes is missing',
    '112(1)',
  ),
} as const;

// The solar dates Art. 112(1) fixes (a, c, d, đ): a calendar without them contradicts the Code.
const FIXED_DAYS = ['01-01', '04-30', '05-01', '09-02'];

const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

/** Publishes a year (or amends it: a later publication replaces the year from its recording on). */
// Each publication stands on its own (an amendment replaces the year), so the stream's state is not consulted.
export function decideCalendar(command: CalendarCommand): CalendarEvent[] {
  ensure(command.meta.role === 'admin', CALENDAR_RULES.adminOnly);
  const { year, status, entries, undecided } = command.data;
  const seen = new Set<string>();
  for (const { date, kind } of entries) {
    ensure(date.startsWith(`${year}-`), CALENDAR_RULES.outsideYear, date);
    ensure(!seen.has(date), CALENDAR_RULES.duplicate, date);
    seen.add(date);
    if (kind === 'swap-working-day') ensure(isWeekend(date), CALENDAR_RULES.workedWeekday, date);
    if (kind === 'swap-day-off') ensure(!isWeekend(date), CALENDAR_RULES.offWeekend, date);
  }
  if (status === 'decided') {
    const open = entries.find((e) => e.status === 'provisional')?.date ?? undecided[0];
    ensure(open === undefined, CALENDAR_RULES.decidedWithOpenPoints, open);
  }
  for (const day of FIXED_DAYS) {
    const date = `${year}-${day}`;
    const fixed = entries.some((e) => e.date === date && e.kind === 'statutory');
    ensure(fixed, CALENDAR_RULES.fixedHolidayMissing, date);
  }
  return [{ type: 'HolidayCalendarPublished', data: { ...command.data, publishedAt: command.meta.now } }];
}
