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
