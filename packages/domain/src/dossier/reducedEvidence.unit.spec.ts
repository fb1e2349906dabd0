import { describe, expect, it } from 'vitest';
import type { Role } from '../shared/roles.js';
import type { EligibilityCheck } from './values.js';
import {
  C,
  assess,
  doc,
  historyIn,
  goodRatings,
  inRound,
  obligationsMet,
  petitionData,
  roundEvents as r,
} from './testing.js';

// 15 years served since 01/06/2020: by the 30/09/2024 cut-off more than a quarter of the term
// (the reduced threshold of LĐX 11(3)) but less than the third of LĐX 11(1)(b).
const ill = C('SubmitPetition', {
  ...petitionData('2024-08-12'),
  reducedCategory: 'SERIOUS_ILLNESS',
  sentence: { ...petitionData('2024-08-12').sentence, termMonths: 180, servedSince: '2020-06-01' },
});
// A provincial hospital's conclusion: terminal cancer, unable to care for oneself (NĐ52 4(5)).
const serious = {
  issuer: 'PROVINCIAL_HOSPITAL',
  illness: 'TERMINAL_CANCER',
  cannotCareForSelf: true,
};
const medical = (date: string, facts: object | null = serious, role?: Role) =>
  C(
    'AttachDocument',
    { docType: 'MEDICAL_CONCLUSION', document: doc('45/KL-BV', date), ...(facts ? { medical: facts } : {}) },
    role,
  );
const timeServed = (...papers: ReturnType<typeof C>[]) => {
  const events = historyIn(
    inRound(r.decided, r.announced, r.posted),
    ill,
    obligationsMet(),
    ...goodRatings(),
    ...papers,
    assess(),
  );
  const checks = (events.at(-1)?.data as { checks: EligibilityCheck[] }).checks;
  return checks.find((c) => c.rule === 'time-served');
};

describe('a reduced threshold claimed (LĐX 11(3); NĐ52 Art. 4, 5(3))', () => {
  it('applies only with a paper proving the category, a medical conclusion under six months old', () => {
    expect(timeServed(medical('2024-06-01'))).toMatchObject({ outcome: 'PASS', citation: 'LĐX 11(3)' });
    const missing = timeServed();
    expect(missing?.outcome).toBe('MISSING_DATA');
    expect(missing?.reason.en).toContain('no paper');
    // Dated 01/02/2024: more than six months before the assessment of 15/08/2024.
    const expired = timeServed(medical('2024-02-01'));
    expect(expired?.outcome).toBe('MISSING_DATA');
    expect(expired?.reason.vi).toContain('hết hạn');
  });
});
