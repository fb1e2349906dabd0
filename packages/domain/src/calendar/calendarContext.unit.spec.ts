import { describe, expect, it } from 'vitest';
import { AGGREGATES } from '../catalogue/aggregates.js';
import type { CaseCommand } from '../reintegration/caseCommands.js';
import { as, command, doc, historyUpTo } from '../reintegration/testing.js';
import { logLoader } from '../scenarios/logLoader.js';
import type { DomainEvent } from '../shared/defineEvent.js';
import { NO_CALENDAR } from './calendarContext.js';
import { decideCalendar } from './decide.js';
import { INVENTED_2027, nationalAdmin } from './testing.js';

const receivePerson = (reportedOn: string, now: string): CaseCommand =>
  command(
    'ReceivePerson',
    {
      reportedOn,
      certificate: doc('1693-0042/GCN', '2025-09-01'),
      minutes: doc('01/BB-CA', reportedOn, 'HCD-05'),
      commitmentSigned: true,
    },
    { ...as('commune-police'), now },
  );

/** Decides a case command as the handler does: its context (the calendar included) from the log. */
async function decideOnLog(streams: Map<string, DomainEvent[]>, c: CaseCommand) {
  const { case: aggregate } = AGGREGATES;
  const state = historyUpTo('expected').reduce((s, e) => aggregate.evolve(s, e), aggregate.initial);
  const context = await aggregate.context!(c, state, logLoader(streams));
  return { context, events: aggregate.decide(c, state, context) };
}
const dueDates = (events: DomainEvent[]) => {
  const { fileDueBy, supervisorDueBy } = events[0]?.data as Record<string, string>;
  return { fileDueBy, supervisorDueBy };
};

describe('deciders take the calendar from the log', () => {
  it('puts no deadline in Tết for a person reporting in on 12/02/2026 (built-in data, empty log)', async () => {
    const { events } = await decideOnLog(new Map(), receivePerson('2026-02-12', '2026-02-12T03:00:00Z'));
    // 3 working days (TT10 10(2)) and 5 working days (TT10 11(2)) over Sat 14/02 – Sun 22/02.
    expect(dueDates(events)).toEqual({ supervisorDueBy: '2026-02-24', fileDueBy: '2026-02-26' });
  });

  it('uses a publication recorded before the decision, and not one recorded after', async () => {
    const published = decideCalendar({
      type: 'PublishHolidayCalendar',
      data: INVENTED_2027,
      meta: nationalAdmin('2027-01-15T03:00:00Z'),
    });
    const streams = new Map<string, DomainEvent[]>([['calendar-vn', published]]);
    const early = await decideOnLog(streams, receivePerson('2027-02-04', '2027-01-10T03:00:00Z'));
    const late = await decideOnLog(streams, receivePerson('2027-02-04', '2027-01-20T03:00:00Z'));
    expect(dueDates(early.events).supervisorDueBy).toBe('2027-02-09');
    expect(early.context.calendar.version).toBe('built-in-2026-12');
    expect(dueDates(late.events).supervisorDueBy).toBe('2027-02-16');
    expect(late.context.calendar.version).toBe('built-in-2026-12+1');
  });

  it('refuses a working-day deadline in an uncovered year with ERR_CALENDAR_UNCOVERED', async () => {
    await expect(decideOnLog(new Map(), receivePerson('2029-03-01', '2029-03-01T03:00:00Z'))).rejects.toThrow(
      expect.objectContaining({ code: 'ERR_CALENDAR_UNCOVERED', year: 2029 }),
    );
  });

  it('does not read the calendar for a step that computes no date', async () => {
    const open = command(
      'OpenManagementFile',
      { fileNo: 'NV-01', openedOn: '2026-02-13' },
      as('commune-police'),
    );
    const { case: aggregate } = AGGREGATES;
    const state = historyUpTo('received').reduce((s, e) => aggregate.evolve(s, e), aggregate.initial);
    const context = await aggregate.context!(open, state, logLoader(new Map()));
    expect(context.calendar).toBe(NO_CALENDAR);
  });
});
