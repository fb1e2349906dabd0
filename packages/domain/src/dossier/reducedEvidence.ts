import { addMonths, type LocalDate } from '../shared/localDate.js';
import type { ReducedCategory } from './values.js';

/** A paper the dossier holds: what it is, its date, and until when it is valid where it says. */
export interface HeldDocument {
  docType: string;
  date: LocalDate;
  validUntil: LocalDate | null;
}

/** Whether the reduced threshold of LĐX 11(3) may be applied: its category is proven on paper. */
export type ReducedEvidence = 'proven' | 'missing' | 'expired';

/**
 * The documents that prove each LĐX 11(3) category (NĐ52 Art. 4 definitions, Art. 5(3) papers):
 * a document attached to the dossier, or the commune's confirmation for a sole breadwinner.
 */
const EVIDENCE: Record<ReducedCategory, readonly string[]> = {
  MAJOR_MERIT: ['MERIT_REPORT'],
  REVOLUTIONARY_FAMILY: ['REVOLUTIONARY_MERIT'],
  SERIOUS_ILLNESS: ['MEDICAL_CONCLUSION'],
  UNDER_18_AT_OFFENCE: ['BIRTH_CERT'],
  AGED_70: ['BIRTH_CERT'],
  SOLE_BREADWINNER: ['COMMUNE:SOLE_BREADWINNER'],
  PREGNANT_OR_CHILD_UNDER_36M: ['MEDICAL_CONCLUSION', 'CHILD_UNDER_36M'],
  SEVERE_DISABILITY: ['DISABILITY_CERT', 'MEDICAL_CONCLUSION'],
  OTHER_PRESIDENT: ['OTHER'],
};

/** A medical conclusion is valid for six months from its date (NĐ52 5(3)(c)). */
const MEDICAL_VALID_MONTHS = 6;

function validOn(document: HeldDocument, day: LocalDate): boolean {
  if (document.validUntil !== null && document.validUntil < day) return false;
  return document.docType !== 'MEDICAL_CONCLUSION' || addMonths(document.date, MEDICAL_VALID_MONTHS) >= day;
}

/** Whether the dossier's papers prove its category on the day of the assessment. */
export function reducedEvidence(
  category: ReducedCategory,
  documents: readonly HeldDocument[],
  on: LocalDate,
): ReducedEvidence {
  const accepted = documents.filter((d) => EVIDENCE[category].includes(d.docType) && d.date <= on);
  if (accepted.length === 0) return 'missing';
  return accepted.some((d) => validOn(d, on)) ? 'proven' : 'expired';
}
