import type { EligibilityCheck } from './values.js';

/** One rule's explained result. */
export const check = (
  rule: string,
  outcome: EligibilityCheck['outcome'],
  vi: string,
  en: string,
  citation: string,
): EligibilityCheck => ({ rule, outcome, reason: { vi, en }, citation });
