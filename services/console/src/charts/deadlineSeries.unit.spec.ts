import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTCOMES, deadlinesByMonth, outcomeOf, type DeadlineFacts } from './deadlineSeries.js';
import { monthLabel, vnDay, vnMonth } from './vnDay.js';

const STATUSES = ['open', 'met', 'missed-recorded', 'ended'] as const;

const two = (min: number, max: number) => fc.integer({ min, max }).map((v) => String(v).padStart(2, '0'));
const someDay = fc
  .tuple(fc.integer({ min: 2023, max: 2027 }), two(1, 12), two(1, 28))
  .map(([y, m, d]) => `${y}-${m}-${d}`);

const someDeadlines: fc.Arbitrary<DeadlineFacts[]> = fc.array(
  fc.record({
    // Some due dates as instants, as a view might carry them, to cross the zone's day boundary.
    dueDate: fc.oneof(
      { arbitrary: someDay, weight: 4 },
      { arbitrary: fc.tuple(someDay, two(0, 23)).map(([d, h]) => `${d}T${h}:00:00Z`), weight: 1 },
    ),
    status: fc.constantFrom(...STATUSES),
    late: fc.boolean(),
  }),
  { maxLength: 60 },
);

describe('deadlines met over time', () => {
  it('counts every deadline exactly once, whatever the deadlines and the day', () => {
    fc.assert(
      fc.property(someDeadlines, someDay, fc.integer({ min: 10, max: 23 }), (deadlines, day, hour) => {
        const months = deadlinesByMonth(deadlines, new Date(`${day}T${hour}:00:00Z`));
        const total = months.reduce((n, m) => n + OUTCOMES.reduce((k, o) => k + m.counts[o], 0), 0);
        expect(total).toBe(deadlines.length);
      }),
      { numRuns: 300 },
    );
  });

  it('lists months oldest first, each once', () => {
    fc.assert(
      fc.property(someDeadlines, (deadlines) => {
        const months = deadlinesByMonth(deadlines, new Date('2025-09-01T00:00:00Z')).map((m) => m.month);
        expect(months).toEqual([...new Set(months)].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('puts an instant of 30/06 17:00 UTC in July, as Vietnam reads it', () => {
    expect(vnDay('2025-06-30T17:00:00Z')).toBe('2025-07-01');
    expect(vnDay('2025-06-30T16:59:59Z')).toBe('2025-06-30');
    expect(vnMonth('2025-06-30T17:00:00Z')).toBe('2025-07');
    expect(monthLabel('2025-07')).toBe('07/2025');
    const [month] = deadlinesByMonth(
      [{ dueDate: '2025-06-30T17:00:00Z', status: 'met', late: false }],
      new Date('2025-08-01T00:00:00Z'),
    );
    expect(month?.month).toBe('2025-07');
  });

  it('takes today in Vietnam: at 30/06 17:00 UTC a deadline open and due on 30/06 is missed', () => {
    const due: DeadlineFacts = { dueDate: '2025-06-30', status: 'open', late: false };
    expect(outcomeOf(due, vnDay(new Date('2025-06-30T16:59:00Z')))).toBe('notYetDue');
    expect(outcomeOf(due, vnDay(new Date('2025-06-30T17:00:00Z')))).toBe('missed');
  });

  it('tells met on time from met late, recorded missed and ended', () => {
    const today = '2025-09-01';
    expect(outcomeOf({ dueDate: '2025-08-01', status: 'met', late: false }, today)).toBe('onTime');
    expect(outcomeOf({ dueDate: '2025-08-01', status: 'met', late: true }, today)).toBe('late');
    expect(outcomeOf({ dueDate: '2025-10-01', status: 'missed-recorded', late: false }, today)).toBe(
      'missed',
    );
    expect(outcomeOf({ dueDate: '2025-08-01', status: 'ended', late: false }, today)).toBe('ended');
    expect(outcomeOf({ dueDate: '2025-09-01', status: 'open', late: false }, today)).toBe('notYetDue');
  });
});
