import { z } from 'zod';
import { DocRef } from '../shared/docRef.js';
import { defineEvent, type EventOf } from '../shared/defineEvent.js';
import { cite } from '../shared/legalBasis.js';
import { LocalDate } from '../shared/localDate.js';

/** A task group of a plan: the plan's section III in both seed plans. */
export const TaskGroup = z.object({ no: z.number().int().positive(), title: z.string().min(1) }).strict();

export const ImplementationPlanIssued = defineEvent({
  type: 'ImplementationPlanIssued',
  version: 1,
  aggregate: 'plan',
  label: { vi: 'Ban hành kế hoạch triển khai', en: 'Implementation plan issued' },
  emittedBy: ['commune-chair', 'commune-deputy-chair', 'provincial-committee'],
  basis: [cite('NĐ49', '20(2)'), cite('NĐ49', '22'), cite('LĐX', '33')],
  schema: z
    .object({
      planId: z.uuid(),
      plan: DocRef,
      title: z.string().min(1),
      level: z.enum(['PROVINCE', 'COMMUNE']),
      issuerUnit: z.string().min(1),
      /**
       * The plan this one implements, as a link to its stream: e.g. the city's 1958/UBND-NC for the
       * commune's 13/KH-UBND. Plans roll down and each names the one above (DOMAIN §4.5).
       */
      parentPlanId: z.uuid().optional(),
      /** The parent plan's paper (số, ngày), copied from its stream; plans before the link carry only this. */
      parent: DocRef.optional(),
      /** The decisions and guidance it rests on, e.g. QĐ 1244/2025/QĐ-CTN. */
      legalBases: z.array(DocRef),
      taskGroups: z.array(TaskGroup).min(1),
      /** Results are reported through this unit (e.g. commune police) by `reportDue`. */
      reportChannel: z.string().min(1),
      reportDue: LocalDate,
      issuedOn: LocalDate,
    })
    .strict(),
});

export const CommendationProposed = defineEvent({
  type: 'CommendationProposed',
  version: 1,
  aggregate: 'plan',
  label: { vi: 'Đề nghị khen thưởng', en: 'Commendation proposed' },
  emittedBy: ['commune-culture-office'],
  // No article of the texts this system cites governs commendations; the plan asks for them.
  basis: [],
  schema: z
    .object({
      commendationId: z.uuid(),
      recipient: z.string().min(1).max(200),
      recipientKind: z.enum(['UNIT', 'PERSON']),
      achievement: z.string().min(1).max(2000),
      proposedOn: LocalDate,
    })
    .strict(),
});

export const CommendationGranted = defineEvent({
  type: 'CommendationGranted',
  version: 1,
  aggregate: 'plan',
  label: { vi: 'Quyết định khen thưởng', en: 'Commendation granted' },
  emittedBy: ['commune-chair', 'commune-deputy-chair', 'provincial-committee'],
  // No article of the texts this system cites governs commendations; the plan asks for them.
  basis: [],
  schema: z.object({ commendationId: z.uuid(), decision: DocRef, grantedOn: LocalDate }).strict(),
});

export const PLAN_EVENTS = [ImplementationPlanIssued, CommendationProposed, CommendationGranted] as const;
export type PlanEvent = EventOf<(typeof PLAN_EVENTS)[number]>;
