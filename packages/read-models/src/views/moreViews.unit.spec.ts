import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '@dacxa/event-store';
import { evolveDossier } from './dossiers.js';
import { evolveRecommendation } from './oversight.js';
import { personTimelineProjection, timelineText } from './personTimeline.js';
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
    const sealed = { $sealed: 1, p: 'p1', v: 'bytes' };
    const classified = rec(
      'case-c1',
      'PersonClassified',
      { group: 'B', quarter: '2025-Q3', classifiedOn: '2025-10-02' },
      {
        occurredAt: '2025-10-01T18:00:00Z',
        metadata: { actor: 'u', role: 'commune-police', unit: 'xa-a', subject: 'p1' },
      },
    );
    expect(timelineText(classified)).toBe('02/10/2025 — Phân loại nhóm A/B/C/D: nhóm B (2025-Q3)');
    const notice = rec(
      'case-c1',
      'ReleaseNoticeReceived',
      { person: { personId: 'p1', fullName: sealed } },
      { metadata: { actor: 'u', role: 'commune-police', unit: 'xa-a', subject: 'p1' } },
    );
    const entry = personTimelineProjection.evolve(null, notice, { collection: 'timeline', id: notice.id });
    expect(entry).toMatchObject({
      personId: 'p1',
      text: '03/09/2025 — Công an xã nhận thông báo trả tự do/đặc xá',
    });
    expect(JSON.stringify(entry)).not.toContain('bytes');
    expect(personTimelineProjection.route(rec('plan-x', 'ImplementationPlanIssued', {}))).toEqual([]);
  });
});
