// The facts a paper states that the NĐ52 Art. 4 definitions are checked against.
import { z } from 'zod';

/** The illnesses NĐ52 4(5) names as serious (bệnh hiểm nghèo), and "another" a conclusion says is as grave. */
export const SeriousIllness = z.enum([
  'TERMINAL_CANCER',
  'PARALYSIS',
  'DRUG_RESISTANT_TB',
  'CIRRHOSIS_WITH_ASCITES',
  'HEART_FAILURE_III_PLUS',
  'KIDNEY_FAILURE_IV_PLUS',
  'HIV_STAGE_IV_OPPORTUNISTIC',
  'OTHER_HIGH_MORTALITY',
]);

/**
 * What a medical conclusion states (NĐ52 4(5)–(6), 5(3)(c)): who concluded, the illness, whether the
 * person cannot care for themself, and the hospital stays that make an illness chronic.
 */
export const MedicalFacts = z
  .object({
    issuer: z.enum([
      'MEDICAL_ASSESSMENT_COUNCIL',
      'PROVINCIAL_HOSPITAL',
      'MILITARY_REGION_HOSPITAL',
      'OTHER',
    ]),
    illness: SeriousIllness.optional(),
    cannotCareForSelf: z.boolean(),
    /** Months of the longest continuous stay in a hospital or infirmary. */
    continuousInpatientMonths: z.number().int().nonnegative().max(600).optional(),
    /** Separate hospital stays of a month or more. */
    monthLongStays: z.number().int().nonnegative().max(100).optional(),
  })
  .strict();
export type MedicalFacts = z.infer<typeof MedicalFacts>;

/** What a merit report states (NĐ52 4(4)): the kind of act, and the property saved where it was property. */
export const MeritFacts = z
  .object({
    act: z.enum(['HELPED_DETECT_CRIME', 'SAVED_LIFE', 'SAVED_PROPERTY', 'INVENTION', 'OTHER_EXCEPTIONAL']),
    propertySavedVnd: z.number().int().nonnegative().optional(),
  })
  .strict();
export type MeritFacts = z.infer<typeof MeritFacts>;

/** A major merit (NĐ52 4(4)): property saved in a disaster counts from 50 million VND. */
export function provesMerit(facts: MeritFacts | undefined): boolean | null {
  if (facts === undefined) return null;
  return facts.act !== 'SAVED_PROPERTY' || (facts.propertySavedVnd ?? 0) >= 50_000_000;
}

/**
 * Whether a conclusion proves serious or chronic illness (LĐX 11(3)(c)): issued by the medical
 * assessment council or a provincial or military-region hospital (LĐX 14(3)), the person unable to
 * care for themself, and either a listed illness (NĐ52 4(5)) or ≥ 3 months' continuous stay, or
 * ≥ 3 stays of a month (NĐ52 4(6)). Null: the paper does not say, so it cannot be checked.
 */
export function provesIllness(facts: MedicalFacts | undefined): boolean | null {
  if (facts === undefined) return null;
  if (facts.issuer === 'OTHER' || !facts.cannotCareForSelf) return false;
  const chronic = (facts.continuousInpatientMonths ?? 0) >= 3 || (facts.monthLongStays ?? 0) >= 3;
  return facts.illness !== undefined || chronic;
}
