import { z } from 'zod';
import { DayKind } from '../calendar/deadlines.js';
import { DeadlineFacts } from '../calendar/deadlineFact.js';
import { DocRef } from '../shared/docRef.js';
import { defineEvent, type EventOf } from '../shared/defineEvent.js';
import { LocalDate } from '../shared/localDate.js';
import type { Role } from '../shared/roles.js';

const aggregate = 'subject-request';
// The commune's data controller answers for the records it holds (Law 91/2025; Decree 356/2025).
const controller: readonly Role[] = ['commune-police', 'commune-chair', 'commune-deputy-chair'];
// The clauses of Decree 356/2025 were read from law firms' summaries (DOMAIN.md §9.3), not the text.
const basis = [] as const;

/** What a person asks of the data held about them. */
export const SubjectRequestKind = z.enum([
  'ACCESS',
  'RECTIFICATION',
  'ERASURE',
  'RESTRICTION',
  'OBJECTION',
  'CONSENT_WITHDRAWAL',
]);
export type SubjectRequestKind = z.infer<typeof SubjectRequestKind>;

export const SubjectRequestReceived = defineEvent({
  type: 'SubjectRequestReceived',
  version: 1,
  aggregate,
  label: { vi: 'Tiếp nhận yêu cầu của chủ thể dữ liệu', en: 'Data-subject request received' },
  emittedBy: controller,
  basis,
  schema: z
    .object({
      requestId: z.uuid(),
      /** The person the data is about (an id: the request itself names no one). */
      personId: z.uuid(),
      /** The commune whose records it concerns: the controller that must answer. */
      communeCode: z.string().min(1).max(200),
      kind: SubjectRequestKind,
      channel: z.enum(['IN_PERSON', 'POST', 'ONLINE']),
      /** A processor or third party holds part of the data: 20 days instead of 15 to act. */
      viaProcessor: z.boolean(),
      receivedOn: LocalDate,
      /** Computed: acknowledged within 2 working days. */
      acknowledgeBy: LocalDate.optional(),
      /** Computed where the law sets a time to act (restriction, objection, consent withdrawn). */
      respondBy: LocalDate.optional(),
      responseDays: z.number().int().positive().max(60).optional(),
      dayKind: DayKind.optional(),
      deadlines: DeadlineFacts.optional(),
    })
    .strict(),
});

export const SubjectRequestAcknowledged = defineEvent({
  type: 'SubjectRequestAcknowledged',
  version: 1,
  aggregate,
  label: { vi: 'Xác nhận đã nhận yêu cầu', en: 'Data-subject request acknowledged' },
  emittedBy: controller,
  basis,
  schema: z.object({ acknowledgedOn: LocalDate, document: DocRef.optional() }).strict(),
});

export const SubjectRequestAnswered = defineEvent({
  type: 'SubjectRequestAnswered',
  version: 1,
  aggregate,
  label: { vi: 'Trả lời yêu cầu của chủ thể dữ liệu', en: 'Data-subject request answered' },
  emittedBy: controller,
  basis,
  schema: z
    .object({
      answeredOn: LocalDate,
      outcome: z.enum(['FULFILLED', 'PARTLY_FULFILLED', 'REFUSED']),
      /** Why, where it is not fulfilled in full: the person may contest it. */
      reason: z.string().min(1).max(2000).optional(),
      document: DocRef,
    })
    .strict(),
});

export const SubjectRequestExtended = defineEvent({
  type: 'SubjectRequestExtended',
  version: 1,
  aggregate,
  label: { vi: 'Gia hạn giải quyết yêu cầu của chủ thể dữ liệu', en: 'Data-subject request extended' },
  emittedBy: controller,
  basis,
  schema: z
    .object({
      extendedOn: LocalDate,
      /** Why more time is needed: the person is told with the extension. */
      reason: z.string().min(1).max(2000),
      /** The paper telling the person of it. */
      document: DocRef,
      communeCode: z.string().min(1).max(200),
      /** The due date it extends (computed), from which the extra days run. */
      extendedFrom: LocalDate,
      respondBy: LocalDate,
      responseDays: z.number().int().positive().max(60),
      dayKind: DayKind,
      deadlines: DeadlineFacts,
    })
    .strict(),
});

export const SUBJECT_REQUEST_EVENTS = [
  SubjectRequestReceived,
  SubjectRequestExtended,
  SubjectRequestAcknowledged,
  SubjectRequestAnswered,
] as const;
export type SubjectRequestEvent = EventOf<(typeof SUBJECT_REQUEST_EVENTS)[number]>;
