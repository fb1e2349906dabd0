import { describe, expect, it } from 'vitest';
import { permits } from '../access/permits.js';
import { testTree } from '../access/testTree.js';
import { AGGREGATES } from '../catalogue/aggregates.js';
import { CALENDAR_COMMANDS } from './commands.js';
import { givenWhenThen } from '../testing/givenWhenThen.js';
import type { CalendarCommand } from './commands.js';
import { CALENDAR_RULES, decideCalendar } from './decide.js';
import type { CalendarEvent } from './events.js';
import { evolveCalendar, initialCalendarState } from './state.js';
import { INVENTED_2027, nationalAdmin } from './testing.js';

const given = givenWhenThen<CalendarCommand, CalendarEvent, typeof initialCalendarState>({
  decide: (c) => decideCalendar(c),
  evolve: evolveCalendar,
  initialState: initialCalendarState,
});
const NOW = '2027-01-15T03:00:00Z';
const publish = (data: Partial<typeof INVENTED_2027> = {}, meta = nationalAdmin(NOW)): CalendarCommand => ({
  type: 'PublishHolidayCalendar',
  data: { ...INVENTED_2027, ...data },
  meta,
});
const withEntry = (entry: (typeof INVENTED_2027.entries)[number]) => ({
  entries: [...INVENTED_2027.entries, entry],
});
const entry = { name: 'x', basis: 'Văn bản giả định', status: 'decided' } as const;

describe('publishing a year of the holiday calendar', () => {
  it('records the year, its entries and document, stamped with the instant it was recorded', () => {
    given()
      .when(publish())
      .then([{ type: 'HolidayCalendarPublished', data: { ...INVENTED_2027, publishedAt: NOW } }]);
  });

  it('records an amendment as a later publication for the same year', () => {
    const first = decideCalendar(publish({ status: 'provisional' }));
    given(first)
      .when(publish())
      .then((events) => expect(events).toHaveLength(1));
  });

  it('refuses anyone but an administrator', () => {
    given()
      .when(publish({}, nationalAdmin(NOW, 'provincial-police')))
      .thenRefuses(CALENDAR_RULES.adminOnly);
  });

  it('refuses a day outside the year, a day listed twice, and a misplaced swap', () => {
    given()
      .when(publish(withEntry({ ...entry, date: '2028-01-03', kind: 'swap-day-off' })))
      .thenRefuses(CALENDAR_RULES.outsideYear);
    given()
      .when(publish(withEntry({ ...entry, date: '2027-02-06', kind: 'statutory' })))
      .thenRefuses(CALENDAR_RULES.duplicate);
    // Wednesday 08/09/2027 cannot be "worked in exchange": it is a working day already.
    given()
      .when(publish(withEntry({ ...entry, date: '2027-09-08', kind: 'swap-working-day' })))
      .thenRefuses(CALENDAR_RULES.workedWeekday);
    given()
      .when(publish(withEntry({ ...entry, date: '2027-09-04', kind: 'swap-day-off' })))
      .thenRefuses(CALENDAR_RULES.offWeekend);
  });

  it('refuses a decided year that still holds a provisional day or an undecided point', () => {
    given()
      .when(publish(withEntry({ ...entry, date: '2027-09-06', kind: 'swap-day-off', status: 'provisional' })))
      .thenRefuses(CALENDAR_RULES.decidedWithOpenPoints);
    given()
      .when(publish({ undecided: ['Tết'] }))
      .thenRefuses(CALENDAR_RULES.decidedWithOpenPoints);
    given()
      .when(publish({ status: 'provisional', undecided: ['Tết'] }))
      .then((events) => expect(events).toHaveLength(1));
  });

  it('refuses a year without a day Art. 112(1) fixes (02/09 missing)', () => {
    const entries = INVENTED_2027.entries.filter((e) => e.date !== '2027-09-02');
    given().when(publish({ entries })).thenRefuses(CALENDAR_RULES.fixedHolidayMissing);
  });

  it('refuses a body that names its own publication instant', () => {
    const { schema } = CALENDAR_COMMANDS[0];
    expect(schema.safeParse(INVENTED_2027).success).toBe(true);
    expect(schema.safeParse({ ...INVENTED_2027, publishedAt: NOW }).success).toBe(false);
  });
});

describe('who may write the calendar', () => {
  const tree = testTree();
  const holders = AGGREGATES.calendar.holders(initialCalendarState);
  const may = (role: 'admin' | 'provincial-police', unit: string, action: 'read' | 'write' = 'write') =>
    permits(tree, { actor: 'u-1', role, unit }, 'calendar', action, holders, '2027-01-15');

  it('lets a national administrator publish, and no province administrator', () => {
    expect(may('admin', 'bo-cong-an')).toBe(true);
    expect(may('admin', 'tinh-a')).toBe(false);
    expect(may('admin', 'xa-1')).toBe(false);
    expect(may('provincial-police', 'tinh-a/cong-an')).toBe(false);
  });

  it('lets everyone read it', () => {
    expect(may('provincial-police', 'tinh-a/cong-an', 'read')).toBe(true);
  });
});
