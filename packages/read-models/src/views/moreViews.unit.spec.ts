import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '@dacxa/event-store';
import { evolveCaseFile } from './caseFiles.js';
import { evolveDossier } from './dossiers.js';
import { evolveLoanBook } from './loanBooks.js';
import { evolveRecommendation } from './oversight.js';
import { getInMemoryEventStore } from '@dacxa/event-store';
import { readPersonTimeline, timelineText } from './personTimeline.js';
import { evolveReport } from './reports.js';

let position = 0n;
function rec(
  stream: string,
  type: string,
  data: Record<string, unknown>,
  extra: Partial<RecordedEvent> = {},
): RecordedEvent {
  position++;
  return {
    id: `e${position}`,
    stream,
    revision: 0,
    position,
    type,
    schemaVersion: 1,
    data: data as never,
    metadata: { actor: 'u', role: 'commune-police', unit: 'xa-a' },
    occurredAt: '2025-09-03T02:00:00Z',
    recordedAt: '2025-09-03T02:00:01Z',
    prevHash: '',
    hash: '',
    ...extra,
  };
}
const fold = <D>(evolve: (doc: D | null, e: RecordedEvent) => D | null, events: RecordedEvent[]): D | null =>
  events.reduce<D | null>((doc, e) => evolve(doc, e), null);

describe('report compliance', () => {
  it('tracks a report from request to acceptance, late and overdue marks included', () => {
    const doc = fold(evolveReport, [
      rec('report-r1', 'ReportRequested', {
        reportId: 'r1',
        template: 'HCD-12',
        period: '2025-08',
        reportingUnit: 'xa-a/cong-an',
        recipientUnit: 'ca-tinh',
        dueDate: '2025-09-05',
        requestedOn: '2025-08-01',
      }),
      rec('report-r1', 'ReportOverdue', { dueDate: '2025-09-05', detectedOn: '2025-09-06' }),
      rec('report-r1', 'ReportSubmitted', {
        submittedOn: '2025-09-08',
        document: { number: '1', date: '2025-09-08' },
        late: true,
        resubmission: false,
      }),
      rec('report-r1', 'ReportAccepted', { acceptedOn: '2025-09-09' }),
    ]);
    expect(doc).toMatchObject({
      status: 'accepted',
      late: true,
      overdue: true,
      submittedOn: '2025-09-08',
      submissions: 1,
    });
  });
});

describe('oversight recommendations', () => {
  it('carry their response deadline, the body that issued them and the response', () => {
    const doc = fold(evolveRecommendation, [
      rec(
        'oversight-m1',
        'OversightRecommendationIssued',
        {
          recommendationId: 'k1',
          kind: 'RECOMMENDATION',
          addresseeUnit: 'xa-a',
          content: 'x',
          issuedOn: '2025-08-27',
          responseDays: 5,
          dayKind: 'CALENDAR',
          responseDue: '2025-09-03',
          document: { number: '1', date: '2025-08-27' },
        },
        { metadata: { actor: 'v', role: 'procuracy', unit: 'vks-hp' } },
      ),
      rec('oversight-m1', 'OversightResponseSubmitted', {
        recommendationId: 'k1',
        respondedOn: '2025-09-04',
        content: 'x',
        document: { number: '2', date: '2025-09-04' },
        late: true,
      }),
    ]);
    expect(doc).toMatchObject({
      matterId: 'm1',
      bodyUnit: 'vks-hp',
      addresseeUnit: 'xa-a',
      responseDue: '2025-09-03',
      respondedOn: '2025-09-04',
      late: true,
    });
  });
});

describe('the round control tower', () => {
  it('moves a dossier through its stages, complaints and their clocks included', () => {
    const events = [
      rec('dossier-d1', 'AmnestyPetitionSubmitted', {
        dossierId: 'd1',
        person: { personId: 'p1' },
        roundId: 'r2024',
        facilityId: 'tg-1',
      }),
      rec('dossier-d1', 'EligibilityAssessed', { eligible: false }),
      rec('dossier-d1', 'ComplaintLodged', {
        complaintId: 'c1',
        lodgedOn: '2024-08-21',
        resolveBy: '2024-08-26',
      }),
    ];
    expect(fold(evolveDossier, events)).toMatchObject({
      stage: 'ineligible',
      complaintOpen: true,
      complaintResolveBy: '2024-08-26',
    });
    const granted = fold(evolveDossier, [
      ...events,
      rec('dossier-d1', 'ComplaintResolved', { outcome: 'ACCEPTED' }),
      rec('dossier-d1', 'DossierGrantOutcomeRecorded', { outcome: 'GRANTED' }),
      rec('dossier-d1', 'AmnestyCertificateIssued', { destinationCommune: 'xa-a' }),
    ]);
    expect(granted).toMatchObject({
      stage: 'granted',
      complaintOpen: false,
      certificateIssued: true,
      destinationCommune: 'xa-a',
    });
    expect(
      fold(evolveDossier, [
        ...events,
        rec('dossier-d1', 'DisqualifyingEventRecorded', {
          reason: 'AGGRAVATING_CASSATION_OR_REOPENING_PROTEST',
        }),
      ]),
    ).toMatchObject({ stage: 'disqualified' });
  });
});

describe('the person timeline', () => {
  it('reads in Vietnamese with dd/mm/yyyy dates and never renders a sealed value', () => {
    const classified = rec(
      'case-c1',
      'PersonClassified',
      { group: 'B', quarter: '2025-Q3', classifiedOn: '2025-10-02' },
      { occurredAt: '2025-10-01T18:00:00Z' },
    );
    expect(timelineText(classified)).toBe('02/10/2025 — Phân loại nhóm A/B/C/D: nhóm B (2025-Q3)');
    const notice = rec('case-c1', 'ReleaseNoticeReceived', {
      person: { personId: 'p1', fullName: { $sealed: 1, p: 'p1', v: 'bytes' } },
    });
    expect(timelineText(notice)).toBe(
      '03/09/2025 — Công an xã nhận thông báo phạm nhân hết thời hạn chấp hành án phạt tù hoặc thông báo về quyết định đặc xá',
    );
  });

  it('says where a person was held and which duty the clock found missed, in words, never codes', () => {
    const held = rec('case-c1', 'PersonDetained', { facilityType: 'REFORM_SCHOOL', from: '2025-10-01' });
    expect(timelineText(held)).toContain('trường giáo dưỡng');
    const missed = rec('case-c1', 'CaseDeadlineMissed', {
      rule: 'case.quarterly-report',
      key: '2025-Q3',
      dueOn: '2025-10-06',
      detectedOn: '2025-10-07',
    });
    expect(timelineText(missed)).toContain('Báo cáo quý của người được phân công 2025-Q3, hạn 06/10/2025');
    expect(timelineText(missed)).not.toMatch(/case\.|REFORM_SCHOOL/);
  });

  it('merges a person’s streams in date order', async () => {
    const events = getInMemoryEventStore();
    const metadata = { actor: 'u', role: 'commune-police', unit: 'xa-a' };
    await events.append('dossier-d1', [
      {
        type: 'PrisonerReleased',
        data: { releasedOn: '2025-09-01' },
        metadata,
        occurredAt: '2025-09-01T01:00:00Z',
      },
    ]);
    await events.append('case-c1', [
      {
        type: 'PersonClassified',
        data: { group: 'A', quarter: '2025-Q3' },
        metadata,
        occurredAt: '2025-10-02T01:00:00Z',
      },
    ]);
    await events.append('case-c1', [
      {
        type: 'ManagementFileOpened',
        data: { fileNo: 'NV-1', late: false },
        metadata,
        occurredAt: '2025-09-08T01:00:00Z',
      },
    ]);
    const timeline = await readPersonTimeline(events, ['case-c1', 'dossier-d1']);
    expect(timeline.map((e) => e.text)).toEqual([
      '01/09/2025 — Trả tự do',
      '08/09/2025 — Lập hồ sơ quản lý (HCD-01): hồ sơ NV-1',
      '02/10/2025 — Phân loại nhóm A/B/C/D: nhóm A (2025-Q3)',
    ]);
  });
});

describe('loan books', () => {
  it('follow a case’s loans to the đồng and know when its five-year window closes', () => {
    const c = (type: string, data: Record<string, unknown>) => rec('case-c9', type, data);
    const doc = fold(evolveLoanBook, [
      c('ReleaseNoticeReceived', { caseId: 'c9', communeCode: 'xa-a', releaseDate: '2025-09-01' }),
      c('PersonReported', { certificate: { number: 'GCN', date: '2025-09-01' } }),
      c('LoanApplied', { loanId: 'l1', purpose: 'BUSINESS', amountRequested: 50_000_000 }),
      c('LoanApproved', { loanId: 'l1', amount: 40_000_000 }),
      c('LoanDisbursed', { loanId: 'l1', amount: 40_000_000 }),
      c('LoanRepaymentRecorded', { loanId: 'l1', amount: 5_000_000 }),
      c('LoanOverdue', { loanId: 'l1', overdueAmount: 2_000_000 }),
    ]);
    expect(doc).toMatchObject({
      communeCode: 'xa-a',
      windowEndsOn: '2030-09-01',
      hasLoan: true,
      disbursedVnd: 40_000_000,
      outstandingVnd: 35_000_000,
      hasOverdue: true,
    });
  });
});

describe('case-file outcomes', () => {
  it('flag support outcomes, reoffending against the round, and the last quarter the supervisor reported', () => {
    const c = (type: string, data: Record<string, unknown>) => rec('case-c8', type, data);
    const doc = fold(evolveCaseFile, [
      c('ReleaseNoticeReceived', {
        caseId: 'c8',
        person: { personId: 'p8' },
        communeCode: 'xa-a',
        source: 'AMNESTY',
        releaseDate: '2025-09-01',
        roundId: 'r-2025-2',
        verifyBy: '2025-09-05',
      }),
      c('IdentityCardIssued', { on: '2025-09-10' }),
      c('JobReferralMade', { on: '2025-09-12', employmentCentre: 'TT' }),
      c('QuarterlySupervisorReportSubmitted', { quarter: '2025-Q4', submittedOn: '2026-01-04' }),
      c('QuarterlySupervisorReportSubmitted', { quarter: '2025-Q3', submittedOn: '2026-01-05' }),
      c('ReoffenceConvicted', {
        judgment: { number: 'HS', date: '2026-02-01' },
        sentenceMonths: 12,
        startedServingOn: '2026-02-10',
      }),
    ]);
    expect(doc).toMatchObject({
      roundId: 'r-2025-2',
      idCardIssued: true,
      residenceRegistered: false,
      jobReferrals: 1,
      lastQuarterReported: '2025-Q4',
      reoffended: true,
      reoffendedOn: '2026-02-10',
    });
  });
});
