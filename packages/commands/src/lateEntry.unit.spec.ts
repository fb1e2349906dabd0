import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '@dacxa/domain';
import type { RecordedEvent } from '@dacxa/event-store';
import { lateEntries } from './lateEntry.js';

const opened = (type: string, data: Record<string, unknown>) => ({ type, data }) as unknown as RecordedEvent;
const decided = (type: string, data: Record<string, unknown>) => ({ type, data }) as unknown as DomainEvent;
const notice = opened('ReleaseNoticeReceived', { receivedOn: '2025-10-21', verifyBy: '2025-10-24' });
const verified = (verifiedOn: string) => decided('ResidenceVerified', { verifiedOn });

describe('late entries: a duty met on time, entered after its due date', () => {
  it('is one when the step was on time and the entry after the due date', () => {
    expect(lateEntries([verified('2025-10-23')], [notice], '2025-10-27')).toEqual([
      { rule: 'case.verify-residence', dueOn: '2025-10-24', actOn: '2025-10-23' },
    ]);
  });

  it('is none when entered by the due date, or when the step itself was late (the domain flags that)', () => {
    expect(lateEntries([verified('2025-10-23')], [notice], '2025-10-24')).toEqual([]);
    expect(lateEntries([verified('2025-10-27')], [notice], '2025-10-28')).toEqual([]);
  });

  it('matches a keyed deadline to its own opening, and carries a self-opening one’s own date', () => {
    const issued = (id: string, due: string) =>
      opened('OversightRecommendationIssued', {
        recommendationId: id,
        issuedOn: '2025-09-10',
        responseDue: due,
      });
    const answer = decided('OversightResponseSubmitted', {
      recommendationId: 'b',
      respondedOn: '2025-09-14',
    });
    expect(
      lateEntries([answer], [issued('a', '2025-09-12'), issued('b', '2025-09-15')], '2025-09-20'),
    ).toEqual([{ rule: 'oversight.response', dueOn: '2025-09-15', actOn: '2025-09-14' }]);
    const quarterly = decided('QuarterlySupervisorReportSubmitted', {
      quarter: '2025-Q3',
      dueBy: '2025-10-06',
      submittedOn: '2025-10-03',
    });
    expect(lateEntries([quarterly], [], '2025-10-10')).toEqual([
      { rule: 'case.quarterly-report', dueOn: '2025-10-06', actOn: '2025-10-03' },
    ]);
  });
});
