import { z } from 'zod';

const COUNTS = [
  'expected',
  'noticeReceived',
  'reportedOnTime',
  'reportedLate',
  'arrivedElsewhere',
  'transferredOut',
  'notYetSeen',
  'overdue',
  'deadlineMarked',
] as const;
const Counts = Object.fromEntries(COUNTS.map((c) => [c, z.int()])) as Record<
  (typeof COUNTS)[number],
  z.ZodInt
>;

/** One page of a view: its documents, opened for the caller's role, and the cursor to the next. */
export const ViewPage = z
  .object({
    items: z.array(z.looseObject({})).describe('documents of the view (docs/architecture.md, "Read models")'),
    next: z.string().nullable().describe('`cursor` for the next page'),
    position: z
      .string()
      .describe(
        'the log position the view reflected when read: its figures are of the log up to at least there',
      ),
  })
  .describe('one page');

/** Release day's counts per (round, commune) and per (round, province), as of `today`. */
export const ReconciliationSummary = z
  .object({
    today: z.string(),
    communes: z.array(
      z.object({ roundId: z.string(), communeCode: z.string(), province: z.string().nullable(), ...Counts }),
    ),
    provinces: z.array(
      z.object({ roundId: z.string(), province: z.string().nullable(), communes: z.int(), ...Counts }),
    ),
  })
  .describe('the counts');
