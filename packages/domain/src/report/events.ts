import { z } from 'zod';
import { DocRef } from '../shared/docRef.js';
import { defineEvent, type EventOf } from '../shared/defineEvent.js';
import { cite } from '../shared/legalBasis.js';
import { LocalDate } from '../shared/localDate.js';

const aggregate = 'report';

/** HCD-12 monthly statistics, HCD-13 periodic results, HCD-09 quarterly group lists (TT10 5), the monthly
 * QĐ 22 loan-eligibility list (Mẫu 01, due on the 5th), or a round's or plan's own report. */
export const ReportTemplate = z.enum([
  'HCD-09',
  'HCD-12',
  'HCD-13',
  'QD22-MAU-01',
  'ROUND_RESULT',
  'PLAN_RESULT',
]);

export const ReportRequested = defineEvent({
  type: 'ReportRequested',
  version: 1,
  aggregate,
  label: { vi: 'Yêu cầu báo cáo', en: 'Report requested' },
  emittedBy: ['commune-chair', 'commune-deputy-chair', 'provincial-committee', 'provincial-police'],
  basis: [cite('TT10', '5')],
  schema: z
    .object({
      reportId: z.uuid(),
      template: ReportTemplate,
      period: z.string().min(1).max(40),
      reportingUnit: z.string().min(1),
      recipientUnit: z.string().min(1),
      /** The unit it goes through, e.g. "qua Công an xã"; accepted or returned there first. */
      channelUnit: z.string().min(1).optional(),
      dueDate: LocalDate,
      requestedOn: LocalDate,
      planId: z.uuid().optional(),
    })
    .strict(),
});

export const ReportSubmitted = defineEvent({
  type: 'ReportSubmitted',
  version: 1,
  aggregate,
  label: { vi: 'Gửi báo cáo', en: 'Report submitted' },
  emittedBy: [
    'commune-police',
    'commune-culture-office',
    'commune-economic-office',
    'commune-service-centre',
    'village-head',
    'fatherland-front',
    'commune-chair',
    'commune-deputy-chair',
  ],
  basis: [cite('TT10', '5')],
  schema: z
    .object({ submittedOn: LocalDate, document: DocRef, late: z.boolean(), resubmission: z.boolean() })
    .strict(),
});

export const ReportReturned = defineEvent({
  type: 'ReportReturned',
  version: 1,
  aggregate,
  label: { vi: 'Trả lại báo cáo để bổ sung', en: 'Report returned for revision' },
  emittedBy: [
    'commune-police',
    'commune-chair',
    'commune-deputy-chair',
    'provincial-police',
    'provincial-committee',
  ],
  basis: [cite('TT10', '5')],
  schema: z.object({ returnedOn: LocalDate, reason: z.string().min(1) }).strict(),
});

export const ReportAccepted = defineEvent({
  type: 'ReportAccepted',
  version: 1,
  aggregate,
  label: { vi: 'Tiếp nhận báo cáo', en: 'Report accepted' },
  emittedBy: [
    'commune-police',
    'commune-chair',
    'commune-deputy-chair',
    'provincial-police',
    'provincial-committee',
  ],
  basis: [cite('TT10', '5')],
  schema: z.object({ acceptedOn: LocalDate }).strict(),
});

export const ReportConsolidated = defineEvent({
  type: 'ReportConsolidated',
  version: 1,
  aggregate,
  label: { vi: 'Tổng hợp vào báo cáo cấp trên', en: 'Report consolidated upward' },
  emittedBy: [
    'commune-police',
    'commune-chair',
    'commune-deputy-chair',
    'provincial-police',
    'provincial-committee',
  ],
  basis: [cite('TT10', '5')],
  schema: z.object({ intoReportId: z.uuid(), consolidatedOn: LocalDate }).strict(),
});

export const ReportOverdue = defineEvent({
  type: 'ReportOverdue',
  version: 1,
  aggregate,
  label: { vi: 'Báo cáo quá hạn', en: 'Report overdue' },
  emittedBy: ['system'],
  basis: [cite('TT10', '5')],
  schema: z.object({ dueDate: LocalDate, detectedOn: LocalDate }).strict(),
});

export const REPORT_EVENTS = [
  ReportRequested,
  ReportSubmitted,
  ReportReturned,
  ReportAccepted,
  ReportConsolidated,
  ReportOverdue,
] as const;
export type ReportEvent = EventOf<(typeof REPORT_EVENTS)[number]>;
