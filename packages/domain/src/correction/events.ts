import { z } from 'zod';
import { HOLDER_TAGS } from '../access/holders.js';
import { DocRef } from '../shared/docRef.js';
import { defineEvent, type EventOf } from '../shared/defineEvent.js';
import { Instant } from '../shared/localDate.js';

/** The kinds of record whose facts can be corrected (the unit tree and the calendar have their own amendments). */
export const CORRECTABLE_KINDS = ['case', 'plan', 'task', 'report', 'oversight', 'round', 'dossier'] as const;
export type CorrectableKind = (typeof CORRECTABLE_KINDS)[number];

/** The event corrected: its record and its revision in that record's stream. */
export const CorrectionTarget = z
  .object({
    kind: z.enum(CORRECTABLE_KINDS),
    id: z.uuid(),
    revision: z.number().int().min(0).max(1_000_000),
  })
  .strict();

/** One corrected fact: where it is in the event's data (`['minutes', 'date']`) and its new value. */
export const FieldChange = z
  .object({
    path: z.array(z.string().min(1).max(100)).min(1).max(8),
    value: z.json(),
  })
  .strict();
export type FieldChange = z.infer<typeof FieldChange>;

const TargetHolder = z
  .object({
    tag: z.enum(HOLDER_TAGS as [string, ...string[]]),
    unit: z.string(),
    name: z.string().optional(),
  })
  .strict();

/**
 * A correction proposed: the event it corrects (or voids), the new values, the reason and the
 * document it rests on; with the target's type and holders as the handler read them, so that
 * who may approve is decided on the record it corrects.
 */
export const CorrectionProposed = defineEvent({
  type: 'CorrectionProposed',
  version: 1,
  aggregate: 'correction',
  label: { vi: 'Đề nghị đính chính', en: 'Correction proposed' },
  emittedBy: [
    'commune-police',
    'commune-chair',
    'commune-deputy-chair',
    'provincial-police',
    'amnesty-subcommittee',
    'facility-warden',
    'procuracy',
    'fatherland-front',
    'court',
  ],
  basis: [],
  schema: z
    .object({
      correctionId: z.uuid(),
      target: CorrectionTarget,
      action: z.enum(['correct', 'void']),
      changes: z.array(FieldChange).max(20),
      reason: z.string().min(3).max(1000),
      document: DocRef.optional(),
      targetType: z.string(),
      targetHolders: z.array(TargetHolder),
      proposedBy: z.string(),
      proposedAt: Instant,
    })
    .strict(),
});

/** A second person of a role that may write the record approves: from now on it reads corrected. */
export const CorrectionApproved = defineEvent({
  type: 'CorrectionApproved',
  version: 1,
  aggregate: 'correction',
  label: { vi: 'Phê duyệt đính chính', en: 'Correction approved' },
  emittedBy: CorrectionProposed.emittedBy,
  basis: [],
  schema: z.object({ correctionId: z.uuid(), approvedBy: z.string(), approvedAt: Instant }).strict(),
});

/** Refused (or withdrawn by its proposer): the record stays as it was. */
export const CorrectionRejected = defineEvent({
  type: 'CorrectionRejected',
  version: 1,
  aggregate: 'correction',
  label: { vi: 'Từ chối đính chính', en: 'Correction rejected' },
  emittedBy: CorrectionProposed.emittedBy,
  basis: [],
  schema: z
    .object({ correctionId: z.uuid(), rejectedBy: z.string(), reason: z.string().min(3).max(1000) })
    .strict(),
});

export const CORRECTION_EVENTS = [CorrectionProposed, CorrectionApproved, CorrectionRejected] as const;
export type CorrectionEvent = EventOf<(typeof CORRECTION_EVENTS)[number]>;
