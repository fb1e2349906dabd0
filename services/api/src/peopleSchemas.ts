import { z } from 'zod';
import { ErasureRequestApproved, ErasureRequested } from '@dacxa/protection';

const Who = z.object({ actor: z.string(), role: z.string(), unit: z.string() });

export const ErasureRequests = z
  .object({
    personId: z.string(),
    requests: z.array(
      ErasureRequested.extend({
        proposedBy: Who,
        approved: ErasureRequestApproved.extend({ approvedBy: Who }).nullable(),
      }),
    ),
  })
  .describe('the erasure requests for a person, oldest first');

export const Proposed = z
  .object({ personId: z.string(), requestId: z.string(), status: z.literal('PROPOSED') })
  .describe('proposed: a second administrator approves');

export const Erased = z
  .object({ personId: z.string(), requestId: z.string(), status: z.literal('ERASED'), erasedOn: z.string() })
  .describe('approved and carried out: the person’s data key is gone');

export const SubjectAccess = z.object({
  personId: z.string(),
  erased: z.boolean(),
  request: z.object({ number: z.string(), date: z.string() }),
  purpose: z.literal('subject-access'),
  streams: z.array(z.string()),
  events: z.array(
    z.object({
      stream: z.string(),
      revision: z.int(),
      position: z.string(),
      type: z.string(),
      label: z.string(),
      occurredAt: z.string(),
      recordedAt: z.unknown(),
      metadata: z.unknown(),
      data: z.unknown().describe('opened for the subject'),
    }),
  ),
});

export const Reads = z
  .object({
    personId: z.string(),
    reads: z.array(
      z.object({
        position: z.string(),
        actor: z.string(),
        role: z.string(),
        unit: z.string(),
        purpose: z.string(),
        kind: z.string(),
        target: z.string(),
        readAt: z.string(),
      }),
    ),
    total: z.int(),
    withheld: z
      .object({ count: z.int(), until: z.string().nullable().optional() })
      .describe('reads under an investigation embargo, held back until the day after `until`'),
  })
  .describe('every read of the person’s records');
