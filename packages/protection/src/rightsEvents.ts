import { z } from 'zod';
import { DocRef, LegalRef, LocalDate } from '@dacxa/domain';

/** The stream of a person's rights requests (erasure proposals and approvals). */
export const rightsStream = (personId: string): string => `person-rights-${personId}`;
/** The stream of master-key rotations. */
export const MASTER_KEY_STREAM = 'keys-master';

/** Why a person's data is erased, as `PersonalDataErased` records it. */
export const ErasureReason = z.enum(['RETENTION_ENDED', 'LAWFUL_ORDER', 'SUBJECT_REQUEST']);

/** A proposed erasure: the first pair of eyes. Nothing personal is in it. */
export const ErasureRequested = z
  .object({
    requestId: z.uuid(),
    personId: z.uuid(),
    reason: ErasureReason,
    legalBasis: LegalRef,
    /** The document the erasure rests on: the subject's request, the order, the retention decision. */
    document: DocRef,
    requestedOn: LocalDate,
  })
  .strict();
export type ErasureRequested = z.infer<typeof ErasureRequested>;

/** The second pair of eyes: a different person approved, and the erasure was carried out. */
export const ErasureRequestApproved = z
  .object({ requestId: z.uuid(), personId: z.uuid(), approvedOn: LocalDate })
  .strict();
export type ErasureRequestApproved = z.infer<typeof ErasureRequestApproved>;

/** A rotation begun: which master key the data keys move to. A rotation begun and not ended is resumed. */
export const MasterKeyRotationStarted = z
  .object({ toKeyId: z.string().min(1), startedAt: z.iso.datetime({ offset: true }) })
  .strict();

/** A rotation ended: every live data key and the canary are wrapped under `toKeyId`. */
export const MasterKeyRotated = z
  .object({
    toKeyId: z.string().min(1),
    rewrapped: z.number().int().nonnegative(),
    completedAt: z.iso.datetime({ offset: true }),
  })
  .strict();

/**
 * The stored names of the rights events. They carry no personal value, so the sealer passes them
 * as they are; they are declared here until the domain's catalogue takes them (docs/personal-data.md).
 */
export const RIGHTS_EVENT_TYPES = {
  erasureRequested: 'ErasureRequested',
  erasureRequestApproved: 'ErasureRequestApproved',
  masterKeyRotationStarted: 'MasterKeyRotationStarted',
  masterKeyRotated: 'MasterKeyRotated',
} as const;
