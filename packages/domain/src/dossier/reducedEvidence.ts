import { addMonths, type LocalDate } from '../shared/localDate.js';
import { provesIllness, provesMerit, type MedicalFacts, type MeritFacts } from './paperFacts.js';
import type { ReducedCategory } from './values.js';

/** A paper the dossier holds: what it is, its date, and until when it is valid where it says. */
export interface HeldDocument {
  docType: string;
  date: LocalDate;
  validUntil: LocalDate | null;
  /** What a medical conclusion states, where it was recorded. */
  medical?: MedicalFacts;
  merit?: MeritFacts;
}

/**
 * Whether the reduced threshold of LĐX 11(3) may be applied: its category proven on paper, no
 * paper (or one that does not state the facts to check), an expired one, or papers whose facts show
 * the category is not met (NĐ52 Art. 4: under 70, an illness it does not cover).
 */
export type ReducedEvidence = 'proven' | 'missing' | 'expired' | 'not-met';

/** The person's facts the Art. 4 definitions are checked against, beside the papers. */
export interface PersonFacts {
  /** `YYYY-MM-DD` or, where only that is known, `YYYY`. */
  birthDate: string;
  offenceCommittedOn?: LocalDate;
  /** The round's served-time cut-off: the day ages are counted to. */
  cutoff: LocalDate;
}

/** The latest a birth could be (a year alone: its last day), or the earliest (its first). */
const born = (birthDate: string, latest: boolean): LocalDate =>
  birthDate.length === 4 ? `${birthDate}-${latest ? '12-31' : '01-01'}` : birthDate;

/** Whether a person born `birthDate` is at least `years` old on `on`; a year alone counts them as young as it can. */
export const agedAtLeast = (birthDate: string, years: number, on: LocalDate): boolean =>
  addMonths(born(birthDate, true), 12 * years) <= on;

/** Whether a person born `birthDate` was under `years` old on `on`; a year alone counts them as old as it can. */
export const agedUnder = (birthDate: string, years: number, on: LocalDate): boolean =>
  addMonths(born(birthDate, false), 12 * years) > on;

/** The facts behind a category the papers show, checked to NĐ52 Art. 4: null where nothing is checked. */
function definitionMet(
  category: ReducedCategory,
  valid: readonly HeldDocument[],
  person: PersonFacts,
): boolean | 'unstated' | null {
  switch (category) {
    case 'AGED_70':
      return agedAtLeast(person.birthDate, 70, person.cutoff);
    case 'UNDER_18_AT_OFFENCE':
      return person.offenceCommittedOn === undefined
        ? 'unstated'
        : agedUnder(person.birthDate, 18, person.offenceCommittedOn);
    case 'MAJOR_MERIT': {
      const verdicts = valid.map((d) => provesMerit(d.merit));
      if (verdicts.includes(true)) return true;
      return verdicts.includes(false) ? false : 'unstated';
    }
    case 'SERIOUS_ILLNESS': {
      const verdicts = valid
        .filter((d) => d.docType === 'MEDICAL_CONCLUSION')
        .map((d) => provesIllness(d.medical));
      if (verdicts.includes(true)) return true;
      return verdicts.includes(false) ? false : 'unstated';
    }
    // Their papers state no fact Art. 4 defines beyond the paper itself (a merit report, the
    // commune's confirmation, a disability certificate): the paper is the proof.
    case 'REVOLUTIONARY_FAMILY':
    case 'SOLE_BREADWINNER':
    case 'PREGNANT_OR_CHILD_UNDER_36M':
    case 'SEVERE_DISABILITY':
    case 'OTHER_PRESIDENT':
      return null;
  }
}

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

/** Whether the dossier's papers prove its category on the day of the assessment, to its Art. 4 definition. */
export function reducedEvidence(
  category: ReducedCategory,
  documents: readonly HeldDocument[],
  on: LocalDate,
  person: PersonFacts,
): ReducedEvidence {
  const accepted = documents.filter((d) => EVIDENCE[category].includes(d.docType) && d.date <= on);
  if (accepted.length === 0) return 'missing';
  const valid = accepted.filter((d) => validOn(d, on));
  if (valid.length === 0) return 'expired';
  const met = definitionMet(category, valid, person);
  if (met === 'unstated') return 'missing';
  return met === false ? 'not-met' : 'proven';
}
