import { z } from 'zod';
import { LocalDate } from '../shared/localDate.js';

/** One way the sentence's recorded facts meet an exclusion: every condition named holds. */
export const ExclusionMatch = z
  .object({
    crimesAtLeast: z.number().int().positive().max(20).optional(),
    intentionalCrimesAtLeast: z.number().int().positive().max(20).optional(),
    priorConvictionsAtLeast: z.number().int().positive().max(20).optional(),
  })
  .strict();

/**
 * A round-specific exclusion (beyond LĐX 12): an id, what it says, where the round says it, and how
 * it is found: from the sentence's recorded facts (`match`, any one way), else only from a paper
 * recorded on the dossier (a ROUND_SPECIFIC ground naming it), never from the assessor's choice.
 */
export const ExclusionRule = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    vi: z.string().min(1),
    en: z.string().min(1),
    citation: z.string().min(1),
    match: z.array(ExclusionMatch).min(1).max(5).optional(),
  })
  .strict();

/** Consecutive quarters rated khá/tốt a sentence band needs (e.g. 14 for > 10 to 15 years). */
export const QuarterBand = z
  .object({
    overMonths: z.number().int().nonnegative().max(600),
    upToMonths: z.number().int().positive().max(600).nullable(),
    quarters: z.number().int().nonnegative().max(400),
  })
  .strict();

/**
 * What a round decides for itself (DOMAIN.md §4.2), kept as data on the round so the 2024, 2025-1
 * and 2025-2 rounds coexist: the served-time cut-off, the conduct window, quarter bands, the
 * reduced threshold the President sets for LĐX 11(3) categories, and the exclusions.
 */
export const RoundParameters = z
  .object({
    servedTimeCutoff: LocalDate,
    /** From this date to the facility meeting the person must be rated khá or tốt. */
    conductWindowFrom: LocalDate,
    quarterBands: z.array(QuarterBand),
    /** Life sentences reduced to a fixed term: consecutive good quarters required. */
    lifeQuarters: z.number().int().nonnegative().max(400),
    /** Fraction of the term a LĐX 11(3) category must have served, e.g. 0.25. */
    reducedFraction: z.number().positive().max(1),
    /** Years a commuted life sentence of a LĐX 11(3) category must have served; absent: no reduction. */
    reducedLifeYears: z.number().positive().max(30).optional(),
    exclusions: z.array(ExclusionRule),
    /**
     * The parameters read only from press summaries, not the decision or guidance text: shown
     * wherever an assessment rests on them, with the conservative value used meanwhile.
     */
    unverified: z.array(z.string().min(1).max(500)).max(50).optional(),
  })
  .strict();
export type RoundParameters = z.infer<typeof RoundParameters>;
