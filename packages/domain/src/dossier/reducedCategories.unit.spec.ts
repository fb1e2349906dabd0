import { describe, expect, it } from 'vitest';
import type { DossierCommand } from './commands.js';
import {
  C,
  POSTED_ROUND,
  assess,
  doc,
  goodRatings,
  historyIn,
  obligationsMet,
  petitionData,
} from './testing.js';

const ROUND = POSTED_ROUND;
const base = petitionData('2024-08-12');
/** The assessment of a petition with these person, sentence and category overrides and papers. */
const assessed = (
  over: { birthDate?: string; sentence?: object; reducedCategory?: string },
  papers: DossierCommand[] = [],
  confirmed = true,
) => {
  const petition = C('SubmitPetition', {
    ...base,
    person: { ...base.person, ...(over.birthDate ? { birthDate: over.birthDate } : {}) },
    sentence: { ...base.sentence, ...over.sentence },
    ...(over.reducedCategory ? { reducedCategory: over.reducedCategory } : {}),
  });
  const steps = [petition, ...(confirmed ? [obligationsMet()] : []), ...goodRatings(), ...papers, assess()];
  const data = historyIn(ROUND, ...steps).at(-1)?.data as {
    eligible: boolean;
    requiredDays: number;
    checks: { rule: string; outcome: string; citation: string }[];
  };
  return { ...data, served: data.checks.find((c) => c.rule === 'time-served')! };
};
const birthCert = C('AttachDocument', { docType: 'BIRTH_CERT', document: doc('KS-1', '2024-08-01') });
const medical = (medicalFacts: object | null) =>
  C('AttachDocument', {
    docType: 'MEDICAL_CONCLUSION',
    document: doc('45/KL-BV', '2024-07-01'),
    ...(medicalFacts ? { medical: medicalFacts } : {}),
  });
// Twelve years and nine months served of a life sentence commuted to 30 years, by the 30/09/2024 cut-off.
const life = { kind: 'LIFE_COMMUTED', termMonths: 360, servedSince: '2012-01-01' };

describe('the reduced threshold for commuted life sentences (LĐX 11(3))', () => {
  it('is the round’s shorter time when the category is proven, 14 years otherwise', () => {
    const general = assessed({ sentence: life });
    expect(general.requiredDays).toBe(Math.round(14 * 365.25));
    expect(general.served.outcome).toBe('FAIL');
    const aged = assessed({ sentence: life, reducedCategory: 'AGED_70', birthDate: '1950-03-01' }, [
      birthCert,
    ]);
    expect(aged.requiredDays).toBe(Math.round(12 * 365.25));
    expect(aged.served).toMatchObject({ outcome: 'PASS', citation: 'LĐX 11(3)' });
  });
});

describe('the NĐ52 Art. 4 definitions behind the papers', () => {
  const recent = { servedSince: '2022-06-01', seriousListed: true };

  it('counts a person as aged 70 from the birth date on the paper, at the round’s cut-off', () => {
    const young = assessed({ sentence: recent, reducedCategory: 'AGED_70', birthDate: '1960-01-01' }, [
      birthCert,
    ]);
    expect(young.served).toMatchObject({ outcome: 'FAIL', citation: 'LĐX 11(3); NĐ52 4' });
    // A birth year alone is read as its last day: born in 1954 is not shown to be 70 by 30/09/2024.
    const year = (birthDate: string) =>
      assessed({ sentence: recent, reducedCategory: 'AGED_70', birthDate }, [birthCert]).served.outcome;
    expect(year('1954')).toBe('FAIL');
    expect(year('1953')).toBe('PASS');
  });

  it('counts under 18 at the offence from the offence date, and is silent without it', () => {
    const claim = { reducedCategory: 'UNDER_18_AT_OFFENCE', birthDate: '2004-05-01' };
    expect(assessed({ ...claim, sentence: recent }, [birthCert]).served.outcome).toBe('MISSING_DATA');
    const minor = { ...recent, offenceCommittedOn: '2021-03-01' };
    expect(assessed({ ...claim, sentence: minor }, [birthCert]).served.outcome).toBe('PASS');
    const adult = { ...recent, offenceCommittedOn: '2022-06-01' };
    expect(assessed({ ...claim, sentence: adult }, [birthCert]).served.outcome).toBe('FAIL');
  });

  it('takes a medical conclusion only from the bodies NĐ52 names, for a listed or chronic illness, the person unable to care for themself', () => {
    const claim = { sentence: recent, reducedCategory: 'SERIOUS_ILLNESS' };
    const listed = {
      issuer: 'PROVINCIAL_HOSPITAL',
      illness: 'CIRRHOSIS_WITH_ASCITES',
      cannotCareForSelf: true,
    };
    expect(assessed(claim, [medical(listed)]).served.outcome).toBe('PASS');
    const chronic = { issuer: 'MEDICAL_ASSESSMENT_COUNCIL', cannotCareForSelf: true, monthLongStays: 3 };
    expect(assessed(claim, [medical(chronic)]).served.outcome).toBe('PASS');
    expect(assessed(claim, [medical({ ...listed, issuer: 'OTHER' })]).served.outcome).toBe('FAIL');
    expect(assessed(claim, [medical({ ...listed, cannotCareForSelf: false })]).served.outcome).toBe('FAIL');
    expect(assessed(claim, [medical(null)]).served.outcome).toBe('MISSING_DATA');
  });
});

describe('a major merit (NĐ52 4(4))', () => {
  it('counts property saved only from 50 million VND, and needs the report to say what was done', () => {
    const claim = {
      sentence: { servedSince: '2022-06-01', seriousListed: true },
      reducedCategory: 'MAJOR_MERIT',
    };
    const report = (merit: object | null) =>
      C('AttachDocument', {
        docType: 'MERIT_REPORT',
        document: doc('9/XN-TG', '2024-08-01'),
        ...(merit ? { merit } : {}),
      });
    const outcome = (merit: object | null) => assessed(claim, [report(merit)]).served.outcome;
    expect(outcome({ act: 'SAVED_PROPERTY', propertySavedVnd: 60_000_000 })).toBe('PASS');
    expect(outcome({ act: 'SAVED_PROPERTY', propertySavedVnd: 20_000_000 })).toBe('FAIL');
    expect(outcome({ act: 'SAVED_LIFE' })).toBe('PASS');
    expect(outcome(null)).toBe('MISSING_DATA');
  });
});

describe('a person under 18 serving the sentence (LĐX 11(4))', () => {
  it('needs conduct and no exclusion only: a shorter time, no civil obligations, no security finding', () => {
    const minor = assessed({ birthDate: '2007-01-01' }, [birthCert], false);
    expect(minor.eligible).toBe(true);
    expect(minor.served.citation).toBe('LĐX 11(4)');
    expect(minor.checks.find((c) => c.rule === 'civil-obligations')).toMatchObject({
      outcome: 'PASS',
      citation: 'LĐX 11(4)',
    });
    // Without the birth certificate the age is not shown: the general conditions apply.
    expect(assessed({ birthDate: '2007-01-01' }, [], false).eligible).toBe(false);
  });
});
