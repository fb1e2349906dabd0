import { z } from 'zod';
import { DocRef } from '../shared/docRef.js';
import { defineEvent, type EventOf } from '../shared/defineEvent.js';
import { cite } from '../shared/legalBasis.js';
import { Instant } from '../shared/localDate.js';

const aggregate = 'breach';

// Decree 356/2025 Art. 23 as law firms quote it (DOMAIN.md §9.3): the clause is not yet checked
// against the published text, so the 72 hours are this product's reading until it is.
const BASIS = [cite('LBVDLCN', '23'), cite('NĐ356', '23')];

/** Who answers for the data where a breach happened: the controller's own officers. */
const CONTROLLERS = [
  'commune-police',
  'commune-chair',
  'commune-deputy-chair',
  'provincial-police',
  'admin',
] as const;

/** What happened to the data (never whose it was: a breach record names no person). */
export const BreachNature = z.enum([
  'UNAUTHORISED_ACCESS',
  'DISCLOSURE',
  'LOSS',
  'ALTERATION',
  'DESTRUCTION',
]);
export const BreachDataCategory = z.enum([
  'IDENTITY',
  'ID_NUMBER',
  'ADDRESS',
  'CRIMINAL',
  'NARRATIVE',
  'INCOME',
]);

export const BreachRecorded = defineEvent({
  type: 'BreachRecorded',
  version: 1,
  aggregate,
  label: { vi: 'Ghi nhận vi phạm dữ liệu cá nhân', en: 'Personal-data breach recorded' },
  emittedBy: [...CONTROLLERS],
  basis: BASIS,
  schema: z
    .object({
      breachId: z.uuid(),
      /** The unit that controls the data: the commune, or the province's police. */
      controllerUnit: z.string().min(1).max(200),
      /** When it was detected: the 72 hours run from this instant, in clock hours. */
      detectedAt: Instant,
      nature: BreachNature,
      dataCategories: z.array(BreachDataCategory).min(1).max(6),
      /** How many people it may touch (an estimate at first). */
      peopleAffected: z.int().min(0).max(100_000_000),
      /** What happened and what was done to contain it, without any person's data. */
      description: z.string().min(1).max(4000),
      /** detectedAt + 72 hours, as computed when recorded (the decider's, never the sender's). */
      notifyBy: Instant,
    })
    .strict(),
});

export const BreachNotified = defineEvent({
  type: 'BreachNotified',
  version: 1,
  aggregate,
  label: {
    vi: 'Thông báo vi phạm dữ liệu cá nhân cho Bộ Công an',
    en: 'Breach notified to the Ministry of Public Security',
  },
  emittedBy: [...CONTROLLERS],
  basis: BASIS,
  schema: z
    .object({
      notifiedAt: Instant,
      /** The notice sent (số/ký hiệu, date). */
      document: DocRef,
      /** Past notifyBy: the law asks for the reason of the delay with the notice. */
      late: z.boolean(),
      lateReason: z.string().min(1).max(2000).optional(),
    })
    .strict(),
});

export const BreachNotificationOverdue = defineEvent({
  type: 'BreachNotificationOverdue',
  version: 1,
  aggregate,
  label: { vi: 'Quá 72 giờ chưa thông báo vi phạm dữ liệu', en: 'Breach notification overdue (72 hours)' },
  emittedBy: ['system'],
  basis: BASIS,
  // The due instant itself: every sweep, re-run or second scheduler sends the same body.
  schema: z.object({ notifyBy: Instant }).strict(),
});

export const BREACH_EVENTS = [BreachRecorded, BreachNotified, BreachNotificationOverdue] as const;
export type BreachEvent = EventOf<(typeof BREACH_EVENTS)[number]>;
