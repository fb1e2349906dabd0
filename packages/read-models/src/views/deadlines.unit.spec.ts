import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '@dacxa/event-store';
import { applyBatch } from '../engine/applyBatch.js';
import { getInMemoryDocumentStore } from '../inMemoryDocumentStore.js';
import { physicalName } from '../types.js';
import { createDeadlinesProjection, type DeadlineDoc } from './deadlines.js';
import { INVENTED_2027_PUBLICATION } from './testing/invented2027.js';

// Invented cases and an invented 2027 decision; only the 2026 calendar is real (DOMAIN.md §9.1).
let position = 0n;
const recorded = (stream: string, type: string, data: Record<string, unknown>): RecordedEvent =>
  ({
    stream,
    type,
    data,
    position: ++position,
    metadata: { actor: 'u-1', role: 'commune-police', unit: 'xa-an-khanh/cong-an' },
  }) as unknown as RecordedEvent;

/** Folds `events` through the engine's batch step into an in-memory store, as the engine would. */
async function feed(events: readonly RecordedEvent[]): Promise<Map<string, DeadlineDoc>> {
  const projection = createDeadlinesProjection();
  const documents = getInMemoryDocumentStore();
  for (const c of projection.collections)
    await documents.ensureCollection(physicalName(c.name, 1), c.indexes);
  const state = {
    name: 'deadlines',
    version: 2,
    generation: 1,
    status: 'running',
    error: null,
    updatedAt: '',
  };
  // One event a batch, so each reads what the previous committed (the engine's batches do the same in memory).
  for (const event of events) {
    const { writes } = await applyBatch(projection, documents, 1, [event]);
    await documents.commit({ writes, state: { ...state, position: String(event.position) } as never });
  }
  const page = await documents.find<DeadlineDoc>(physicalName('deadlines', 1), { limit: 1000 });
  return new Map(page.items.map((d) => [d.id, d.doc]));
}

const fact = (rule: string, from: string, provisional = false) => ({
  rule,
  from,
  calendarVersion: 'built-in-2026-12',
  provisional,
});
const reported = (caseId: string, on: string, provisional = false) =>
  recorded(`case-${caseId}`, 'PersonReported', {
    reportedOn: on,
    fileDueBy: 'as-recorded',
    supervisorDueBy: 'as-recorded',
    deadlines: [fact('case.open-file', on, provisional), fact('case.supervisor-proposal', on, provisional)],
  });

// INVENTED for the test, not a real decision: Tết 2027 off 05/02–11/02.
const amended2027 = recorded('calendar-vn', 'HolidayCalendarPublished', INVENTED_2027_PUBLICATION);

describe('deadlines derived from the facts events record', () => {
  it('count a person reporting in on 12/02/2026 over Tết Bính Ngọ, not into it', async () => {
    const docs = await feed([reported('a', '2026-02-12')]);
    expect(docs.get('case-a/case.supervisor-proposal')).toMatchObject({
      dueDate: '2026-02-24',
      provisional: false,
      status: 'open',
      unit: 'xa-an-khanh/cong-an',
      scopeUnit: 'xa-an-khanh',
      label: 'Đề xuất quyết định phân công người giám sát',
      recordedDueDate: 'as-recorded',
    });
    expect(docs.get('case-a/case.open-file')?.dueDate).toBe('2026-02-26');
  });

  it('flag a working-day deadline in 2027, a year not yet decided, as provisional', async () => {
    expect(
      (await feed([reported('b', '2027-02-03', true)])).get('case-b/case.supervisor-proposal'),
    ).toMatchObject({
      dueDate: '2027-02-08',
      provisional: true,
      calendarVersion: 'built-in-2026-12',
    });
  });

  it('recompute an open 2027 deadline when 2027 is published, and leave a met one as it was met', async () => {
    const docs = await feed([
      reported('open', '2027-02-03', true),
      reported('met', '2027-02-03', true),
      recorded('case-met', 'SupervisorAssignmentProposed', { proposedOn: '2027-02-08', late: false }),
      amended2027,
    ]);
    expect(docs.get('case-open/case.supervisor-proposal')).toMatchObject({
      dueDate: '2027-02-15',
      provisional: false,
      calendarVersion: 'built-in-2026-12+1',
      status: 'open',
    });
    expect(docs.get('case-met/case.supervisor-proposal')).toMatchObject({
      dueDate: '2027-02-08',
      provisional: true,
      status: 'met',
      metOn: '2027-02-08',
      late: false,
    });
  });

  it('count a deadline opened after the amendment over the amended calendar', async () => {
    const docs = await feed([amended2027, reported('c', '2027-02-04')]);
    expect(docs.get('case-c/case.supervisor-proposal')).toMatchObject({
      dueDate: '2027-02-16',
      provisional: false,
    });
  });

  it('read an event recorded before facts were kept from its own fields, and correct its stored date', async () => {
    // Stored as computed on a calendar that did not know 01/09/2025 was off; the facts give 05/09.
    const notice = recorded('case-d', 'ReleaseNoticeReceived', {
      communeCode: 'xa-an-khanh',
      receivedOn: '2025-08-29',
      verifyBy: '2025-09-04',
    });
    expect((await feed([notice])).get('case-d/case.verify-residence')).toMatchObject({
      from: '2025-08-29',
      dueDate: '2025-09-05',
      calendarVersion: 'built-in-2026-12',
      recordedDueDate: '2025-09-04',
      unit: 'xa-an-khanh',
    });
  });

  it('key several deadlines of one rule in a stream, and mark one met late against the derived date', async () => {
    const issued = (id: string) =>
      recorded('oversight-m', 'OversightRecommendationIssued', {
        recommendationId: id,
        addresseeUnit: 'xa-an-khanh',
        issuedOn: '2026-02-12',
        responseDays: 5,
        dayKind: 'WORKING',
        responseDue: 'as-recorded',
      });
    const docs = await feed([
      issued('r1'),
      issued('r2'),
      recorded('oversight-m', 'OversightResponseSubmitted', {
        recommendationId: 'r1',
        respondedOn: '2026-02-27',
      }),
    ]);
    expect(docs.get('oversight-m/oversight.response/r1')).toMatchObject({
      dueDate: '2026-02-26',
      status: 'met',
      late: true,
    });
    expect(docs.get('oversight-m/oversight.response/r2')).toMatchObject({
      status: 'open',
      limit: { days: 5, kind: 'WORKING' },
    });
  });
});

describe('a case that ends', () => {
  it('ends its open duties, so the clock sweeps none of them; a met one stays met', async () => {
    const caseId = '0192f5c4-00dd-7000-8000-000000000001';
    const docs = await feed([
      reported(caseId, '2026-03-02'),
      recorded(`case-${caseId}`, 'ManagementFileOpened', {
        fileNo: 'HS-1',
        openedOn: '2026-03-03',
        late: false,
      }),
      recorded(`case-${caseId}`, 'CaseClosed', { reason: 'MOVED', closedOn: '2026-03-04' }),
    ]);
    const statuses = Object.fromEntries([...docs.values()].map((d) => [d.rule, d.status]));
    expect(statuses).toEqual({ 'case.open-file': 'met', 'case.supervisor-proposal': 'ended' });
  });
});

describe('the supervisor quarterly report, owed every quarter (TT10 10(4))', () => {
  const stream = 'case-0192f5c4-00ee-7000-8000-000000000001';
  const rule = 'case.quarterly-report';
  const assigned = (decidedOn: string, from: string, provisional = false) =>
    recorded(stream, 'SupervisorAssigned', { decidedOn, deadlines: [fact(rule, from, provisional)] });
  const report = (quarter: string, submittedOn: string, own: string, next: string) =>
    recorded(stream, 'QuarterlySupervisorReportSubmitted', {
      quarter,
      submittedOn,
      dueBy: 'as-recorded',
      late: false,
      deadlines: [fact(rule, own), fact(rule, next)],
    });
  const missed = (key: string, dueOn: string, detectedOn: string) =>
    recorded(stream, 'CaseDeadlineMissed', { rule, key, dueOn, detectedOn });

  it('is owed from the quarter the supervisor is decided in, then each next one, missed or met', async () => {
    const docs = await feed([
      assigned('2026-02-20', '2026-03-31'),
      report('2026-Q1', '2026-04-03', '2026-03-31', '2026-06-30'),
      missed('2026-Q2', '2026-07-06', '2026-07-07'),
    ]);
    // Day 5 of each next quarter, moved off Sunday 05/04 and Sunday 05/07/2026.
    expect(docs.get(`${stream}/${rule}/2026-Q1`)).toMatchObject({ dueDate: '2026-04-06', status: 'met' });
    expect(docs.get(`${stream}/${rule}/2026-Q2`)).toMatchObject({
      dueDate: '2026-07-06',
      status: 'missed-recorded',
      recordedDueDate: null,
    });
    expect(docs.get(`${stream}/${rule}/2026-Q3`)).toMatchObject({
      key: '2026-Q3',
      from: '2026-09-30',
      dueDate: '2026-10-05',
      status: 'open',
      unit: 'xa-an-khanh/cong-an',
    });
  });

  it('keeps a later quarter met when it was reported before an earlier one was missed', async () => {
    const docs = await feed([
      assigned('2026-02-20', '2026-03-31'),
      report('2026-Q2', '2026-07-01', '2026-06-30', '2026-09-30'),
      missed('2026-Q1', '2026-04-06', '2026-04-07'),
    ]);
    expect(docs.get(`${stream}/${rule}/2026-Q2`)).toMatchObject({ status: 'met', metOn: '2026-07-01' });
    expect(docs.get(`${stream}/${rule}/2026-Q3`)).toMatchObject({ status: 'open' });
  });

  it('shows a next quarter in a year with no calendar as provisional, on day 5 before any day off', async () => {
    const ahead = await feed([assigned('2027-11-10', '2027-12-31', true)]);
    expect(ahead.get(`${stream}/${rule}/2027-Q4`)).toMatchObject({
      dueDate: '2028-01-05',
      provisional: true,
    });
  });
});

describe('a loan repaid by the end of its approved term (QĐ22 8, 13)', () => {
  const stream = 'case-0192f5c4-00ef-7000-8000-000000000001';
  const loanId = '0192f5c4-00ef-7000-8000-0000000000aa';
  it('falls due the same day so many months on (or the month’s last day), not moved, and is met when settled', async () => {
    const docs = await feed([
      recorded(stream, 'LoanApproved', {
        loanId,
        amount: 50_000_000,
        termMonths: 13,
        ratePercentPerYear: 6.6,
        approvedOn: '2026-01-31',
        repayBy: '2027-02-28',
        deadlines: [fact('case.loan-repayment', '2026-01-31')],
      }),
    ]);
    // 28/02/2027 is a Sunday: the bank's term ends on its day.
    expect(docs.get(`${stream}/case.loan-repayment/${loanId}`)).toMatchObject({
      dueDate: '2027-02-28',
      limit: { months: 13 },
      status: 'open',
    });
    const settled = await feed([
      recorded(stream, 'LoanApproved', {
        loanId,
        amount: 50_000_000,
        termMonths: 12,
        ratePercentPerYear: 6.6,
        approvedOn: '2026-03-10',
      }),
      recorded(stream, 'LoanSettled', { loanId, settledOn: '2027-03-09' }),
    ]);
    expect(settled.get(`${stream}/case.loan-repayment/${loanId}`)).toMatchObject({
      dueDate: '2027-03-10',
      status: 'met',
      late: false,
    });
  });
});

describe('a data-subject request extended once', () => {
  it('moves the time to act 15 days on from its due date, in place', async () => {
    const stream = 'subject-request-0192f5c4-0000-7000-8000-00000000d001';
    const received = recorded(stream, 'SubjectRequestReceived', {
      communeCode: 'xa-an-khanh',
      receivedOn: '2026-04-29',
      respondBy: '2026-05-14',
      responseDays: 15,
      dayKind: 'CALENDAR',
      deadlines: [fact('subject-request.respond', '2026-04-29')],
    });
    const extended = recorded(stream, 'SubjectRequestExtended', {
      communeCode: 'xa-an-khanh',
      extendedOn: '2026-05-12',
      extendedFrom: '2026-05-14',
      respondBy: '2026-05-29',
      responseDays: 15,
      dayKind: 'CALENDAR',
      deadlines: [fact('subject-request.respond', '2026-05-14')],
    });
    const before = await feed([received]);
    expect(before.get(`${stream}/subject-request.respond`)?.dueDate).toBe('2026-05-14');
    const after = await feed([received, extended]);
    expect(after.get(`${stream}/subject-request.respond`)).toMatchObject({
      dueDate: '2026-05-29',
      status: 'open',
    });
    expect([...after.keys()].filter((k) => k.includes('subject-request.respond'))).toHaveLength(1);
  });
});
