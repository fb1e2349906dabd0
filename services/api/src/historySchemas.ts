import { z } from 'zod';
import { LocalDate } from '@dacxa/domain';

export const HistoryQuery = z
  .object({
    asOf: LocalDate.optional().describe('the record as it stood at the end of this day'),
    /**
     * What `asOf` means: what the system knew on that day (`recording`, by the day each event was
     * entered), or what had happened by then (`occurrence`, by the day each act took place).
     */
    by: z
      .enum(['recording', 'occurrence'])
      .default('recording')
      .describe('asOf by the day each event was entered, or the day each act happened'),
    /** The last revision of the previous page. */
    after: z.coerce
      .number()
      .int()
      .min(-1)
      .max(Number.MAX_SAFE_INTEGER)
      .default(-1)
      .describe('the previous page’s `next`'),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();

const CorrectionTrail = z.object({
  correctionId: z.string(),
  action: z.enum(['correct', 'void']),
  changes: z.array(z.object({ path: z.array(z.string()), from: z.unknown(), to: z.unknown() })),
  reason: z.string(),
  proposedBy: z.string(),
  approvedBy: z.string().optional(),
  approvedOn: z.string(),
});

const HistoryEntry = z.object({
  revision: z.int(),
  position: z.string(),
  type: z.string().describe('the stored event type (docs/events.md)'),
  version: z.int().describe('the shape of `data`: the type’s current version'),
  recordedVersion: z.int().optional().describe('the version it was recorded in, when older'),
  label: z.string().describe('Vietnamese'),
  occurredAt: z.string().describe('when it was entered (the store’s instant)'),
  recordedAt: z.string(),
  occurredOn: z.string().describe('the day the act took place (Occurred-On), else the day of entry'),
  lateReason: z.string().optional(),
  lateEntry: z.array(z.unknown()).optional().describe('duties met on time but entered after their deadline'),
  actor: z.unknown(),
  data: z.unknown().describe('personal fields opened for the caller’s role and purpose'),
  corrections: z.array(CorrectionTrail).optional(),
  voided: z.literal(true).optional(),
});

export const History = z
  .object({
    kind: z.string(),
    id: z.string(),
    asOf: z.string().nullable(),
    by: z.enum(['recording', 'occurrence']),
    status: z.string().nullable(),
    revision: z.int().optional(),
    events: z.array(HistoryEntry),
    next: z.string().nullable().describe('`after` for the next page'),
  })
  .describe('the history');

export const Timeline = z.object({
  title: z.string(),
  entries: z.array(
    z.object({
      stream: z.string(),
      position: z.string(),
      occurredOn: z.string(),
      recordedOn: z.string(),
      type: z.string(),
      text: z.string().describe('Vietnamese, dd/mm/yyyy'),
    }),
  ),
});
