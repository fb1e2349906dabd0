import { z } from 'zod';
import { LocalDate } from '../shared/localDate.js';
import { personal } from '../shared/personal.js';

/** The LĐX 11(3) categories for which the President sets a reduced time-served threshold. */
export const ReducedCategory = z.enum([
  'MAJOR_MERIT',
  'REVOLUTIONARY_FAMILY',
  'SERIOUS_ILLNESS',
  'UNDER_18_AT_OFFENCE',
  'AGED_70',
  'SOLE_BREADWINNER',
  'PREGNANT_OR_CHILD_UNDER_36M',
  'SEVERE_DISABILITY',
  'OTHER_PRESIDENT',
]);
export type ReducedCategory = z.infer<typeof ReducedCategory>;

/**
 * Whose dossier it is: a person serving the sentence in a facility, or one whose sentence the
 * provincial court suspended (người đang được tạm đình chỉ chấp hành án phạt tù, LĐX 11(2), 15(3)).
 */
export const DossierKind = z.enum(['PRISONER', 'SUSPENDED']);
export type DossierKind = z.infer<typeof DossierKind>;

/** A conduct classification (xếp loại chấp hành án phạt tù): tốt, khá, trung bình, kém. */
export const ConductRating = z.enum(['TOT', 'KHA', 'TRUNG_BINH', 'KEM']);
export type ConductRating = z.infer<typeof ConductRating>;

/** A classification quarter, `2024-Q2`. */
export const Quarter = z.string().regex(/^\d{4}-Q[1-4]$/);

/** One offence of the judgment: its Criminal Code article and whether it was intentional (cố ý). */
export const OffenceArticle = z
  .object({ article: z.string().regex(/^\d{1,3}[a-z]?$/), intentional: z.boolean() })
  .strict();

/** The sentence facts eligibility is computed from. Criminal data: sealed at rest. */
export const Sentence = z
  .object({
    kind: z.enum(['FIXED', 'LIFE_COMMUTED']),
    termMonths: personal(z.number().int().positive().max(600), 'Thời hạn tù (tháng)', 'criminal'),
    /** Custody began: time served counts from arrest and custody. */
    servedSince: LocalDate,
    /** Days on bail, deferred or suspended: not time served. */
    excludedDays: z.number().int().nonnegative().max(36_600),
    /** One of LĐX 11(1)(b)'s listed serious crimes (½ of the term, 17 years for life). */
    seriousListed: z.boolean(),
    corruption: z.boolean(),
    nationalSecurityListed: z.boolean(),
    offences: personal(z.array(z.string().min(1)).min(1), 'Tội danh', 'criminal'),
    /** The judgment's offences by article (BLHS 2015): what a round's exclusions are matched against. */
    offenceArticles: personal(
      z.array(OffenceArticle).min(1).max(20).optional(),
      'Điều luật của các tội bị kết án',
      'criminal',
    ),
    /** When the offence was committed: whether the person was under 18 then (LĐX 11(3)(d)). */
    offenceCommittedOn: personal(LocalDate.optional(), 'Ngày thực hiện hành vi phạm tội', 'criminal'),
  })
  .strict();
export type Sentence = z.infer<typeof Sentence>;

export const CivilObligationStatus = z.enum([
  'FULFILLED',
  'ENFORCEMENT_TERMINATED',
  'CREDITOR_WAIVED',
  'PARTIAL_UNABLE_TO_PAY',
  'OUTSTANDING',
]);

/** One rule's result: never a bare yes or no. */
export const EligibilityCheck = z
  .object({
    rule: z.string().min(1),
    outcome: z.enum(['PASS', 'FAIL', 'MISSING_DATA']),
    reason: z.object({ vi: z.string().min(1), en: z.string().min(1) }).strict(),
    citation: z.string().min(1),
  })
  .strict();
export type EligibilityCheck = z.infer<typeof EligibilityCheck>;
