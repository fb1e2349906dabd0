import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/localDate.js';
import { BUILT_IN_CALENDAR } from './builtInCalendar.js';
import { dueUnderRule } from './deadlineFact.js';
import { deadlineFactsOf } from './deadlineFactsOf.js';
import { dueDate } from './deadlines.js';
import { DEADLINE_RULES } from './deadlineRules.js';

const day = fc.integer({ min: 0, max: 4 * 365 - 40 }).map((n) => addDays('2024-01-01', n));

describe('the court’s list of suspended persons (LĐX 15(3))', () => {
  it('is due 15 calendar days after the announcement, moved off a day off, like the facilities’ 10', () => {
    fc.assert(
      fc.property(day, (from) => {
        expect(dueUnderRule('round.court-list', from, BUILT_IN_CALENDAR).date).toBe(
          dueDate(from, { days: 15, kind: 'CALENDAR' }, BUILT_IN_CALENDAR).date,
        );
      }),
    );
    expect(DEADLINE_RULES['round.court-list'].basis).toEqual([{ source: 'LĐX', article: '15(3)' }]);
  });

  it('opens on the court’s notice, counted from the announcement it records, and is met by the court’s list', () => {
    const [opened] = deadlineFactsOf('RoundDecisionNotifiedToSuspended', {
      facilityId: 'toa-an-tinh',
      notifiedOn: '2024-08-09',
      announcedOn: '2024-07-31',
      listsDueBy: '2024-08-15',
    });
    expect(opened).toMatchObject({
      fact: { rule: 'round.court-list', from: '2024-07-31' },
      key: 'toa-an-tinh',
    });
    expect(DEADLINE_RULES['round.court-list'].closes).toEqual([
      { event: 'ProposalListCompiled', on: 'compiledOn' },
    ]);
    // The facility's posting does not open it: a court's notice is its own event.
    const posted = deadlineFactsOf('RoundDecisionPostedAtFacility', {
      facilityId: 'x',
      postedOn: '2024-08-09',
    });
    expect(posted.map((o) => o.fact.rule)).toEqual(['round.facility-list']);
  });
});
