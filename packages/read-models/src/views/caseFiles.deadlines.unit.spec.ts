import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '@dacxa/event-store';
import { evolveCaseFile, type CaseFileDoc } from './caseFiles.js';

// Invented case; the stored due dates are wrong on purpose: the board shows what the facts give.
let position = 0n;
const rec = (type: string, data: Record<string, unknown>): RecordedEvent =>
  ({
    stream: 'case-c27',
    type,
    data,
    position: ++position,
    metadata: { actor: 'u-1', role: 'commune-police', unit: 'xa-an-khanh/cong-an' },
  }) as unknown as RecordedEvent;
const fold = (events: readonly RecordedEvent[]): CaseFileDoc | null =>
  events.reduce<CaseFileDoc | null>((doc, e) => evolveCaseFile(doc, e), null);
const fact = (rule: string, from: string, provisional: boolean) => ({
  rule,
  from,
  calendarVersion: 'built-in-2026-12',
  provisional,
});

describe('case files’ due dates, from the facts the events record', () => {
  it('show a 2027 due date, counted on the provisional calendar, as provisional', () => {
    const doc = fold([
      rec('ReleaseNoticeReceived', {
        caseId: 'c27',
        person: { personId: 'p27' },
        communeCode: 'xa-an-khanh',
        source: 'EXPIRY',
        releaseDate: '2026-12-28',
        receivedOn: '2026-12-30',
        verifyBy: 'as-recorded',
        reportBy: '2027-01-20',
        deadlines: [fact('case.verify-residence', '2026-12-30', true)],
      }),
    ]);
    // 31/12 and then 04/01–05/01 (01/01 is New Year, 02–03/01 a weekend): provisional, 2027 undecided.
    expect(doc).toMatchObject({
      verifyBy: '2027-01-05',
      dueOn: '2027-01-05',
      dueKind: 'verify-residence',
      provisional: true,
    });
  });

  it('show a 2026 due date as decided, over Tết Bính Ngọ', () => {
    const doc = fold([
      rec('ReleaseNoticeReceived', {
        caseId: 'c26',
        person: { personId: 'p26' },
        communeCode: 'xa-an-khanh',
        source: 'EXPIRY',
        releaseDate: '2026-02-10',
        receivedOn: '2026-02-12',
        verifyBy: '2026-02-17',
        reportBy: '2026-03-10',
      }),
    ]);
    expect(doc).toMatchObject({ verifyBy: '2026-02-24', dueOn: '2026-02-24', provisional: false });
  });
});
