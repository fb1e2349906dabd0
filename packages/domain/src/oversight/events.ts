import { z } from 'zod';
import { DeadlineFacts } from '../calendar/deadlineFact.js';
import { DayKind } from '../calendar/deadlines.js';
import { DocRef } from '../shared/docRef.js';
import { defineEvent, type EventOf } from '../shared/defineEvent.js';
import { cite } from '../shared/legalBasis.js';
import { LocalDate } from '../shared/localDate.js';

const aggregate = 'oversight';
const bodies = ['procuracy', 'fatherland-front'] as const;
const basis = [cite('LĐX', '30'), cite('LĐX', '34(3)')];

/** What a finding is about: a case, a plan, a task, a report, a unit, a round or a dossier. */
export const OversightScope = z
  .object({
    kind: z.enum(['CASE', 'PLAN', 'TASK', 'REPORT', 'UNIT', 'ROUND', 'DOSSIER']),
    ref: z.string().min(1),
  })
  .strict();

export const OversightFindingRecorded = defineEvent({
  type: 'OversightFindingRecorded',
  version: 1,
  aggregate,
  label: { vi: 'Kết quả kiểm sát, giám sát', en: 'Oversight finding recorded' },
  emittedBy: bodies,
  basis,
  schema: z
    .object({
      matterId: z.uuid(),
      body: z.enum(['PROCURACY', 'FATHERLAND_FRONT', 'PEOPLES_COUNCIL']),
      bodyUnit: z.string().min(1),
      scope: OversightScope,
      findings: z.string().min(1).max(8000),
      recordedOn: LocalDate,
      document: DocRef.optional(),
    })
    .strict(),
});

export const OversightRecommendationIssued = defineEvent({
  type: 'OversightRecommendationIssued',
  version: 1,
  aggregate,
  label: {
    vi: 'Yêu cầu, kiến nghị của cơ quan kiểm sát, giám sát',
    en: 'Oversight request or recommendation issued',
  },
  emittedBy: bodies,
  basis: [cite('LĐX', '30(3)'), cite('LĐX', '34(3)')],
  schema: z
    .object({
      recommendationId: z.uuid(),
      kind: z.enum(['REQUEST', 'RECOMMENDATION']).meta({ description: 'yêu cầu / kiến nghị' }),
      addresseeUnit: z.string().min(1),
      content: z.string().min(1).max(8000),
      issuedOn: LocalDate,
      responseDays: z.number().int().positive().max(365),
      dayKind: DayKind,
      /** Computed from issuedOn, responseDays and dayKind over the holiday calendar. */
      responseDue: LocalDate,
      /** The facts the due dates come from (rule, start, calendar version): views derive the dates. */
      deadlines: DeadlineFacts.optional(),
      document: DocRef,
    })
    .strict(),
});

export const OversightResponseSubmitted = defineEvent({
  type: 'OversightResponseSubmitted',
  version: 1,
  aggregate,
  label: { vi: 'Trả lời yêu cầu, kiến nghị', en: 'Response to oversight submitted' },
  emittedBy: [
    'commune-chair',
    'commune-deputy-chair',
    'commune-police',
    'provincial-police',
    'provincial-committee',
    'amnesty-subcommittee',
    'facility-warden',
    'court',
  ],
  basis: [cite('LĐX', '30(3)')],
  schema: z
    .object({
      recommendationId: z.uuid(),
      respondedOn: LocalDate,
      content: z.string().min(1).max(8000),
      document: DocRef,
      late: z.boolean(),
    })
    .strict(),
});

export const OversightMatterClosed = defineEvent({
  type: 'OversightMatterClosed',
  version: 1,
  aggregate,
  label: { vi: 'Kết thúc vụ việc kiểm sát, giám sát', en: 'Oversight matter closed' },
  emittedBy: bodies,
  basis,
  schema: z
    .object({
      closedOn: LocalDate,
      conclusion: z.string().min(1),
      /** The written conclusion (kết luận). */
      document: DocRef.optional(),
    })
    .strict(),
});

export const OVERSIGHT_EVENTS = [
  OversightFindingRecorded,
  OversightRecommendationIssued,
  OversightResponseSubmitted,
  OversightMatterClosed,
] as const;
export type OversightEvent = EventOf<(typeof OVERSIGHT_EVENTS)[number]>;
