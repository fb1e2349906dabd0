import { describe, expect, it } from 'vitest';
import { KNOWN_ROUNDS } from '../round/knownRounds.js';
import { assessEligibility, type EligibilityFacts } from './eligibility.js';

const params = KNOWN_ROUNDS['2024']!.parameters;
const facts: EligibilityFacts = {
  sentence: {
    kind: 'FIXED',
    termMonths: 72,
    servedSince: '2021-03-01',
    excludedDays: 0,
    seriousListed: false,
    corruption: false,
    nationalSecurityListed: false,
    offences: ['Trộm cắp tài sản'],
  },
  reducedCategory: null,
  consecutiveGoodQuarters: 6,
  ratedGoodSinceWindow: true,
  finesAndFeesPaid: true,
  civilObligation: 'FULFILLED',
  securityConcern: false,
  aggravatingProtest: false,
  newProsecution: false,
  previouslyPardoned: false,
  priorConvictions: 0,
  roundExclusionsMatched: [],
};
const outcome = (f: EligibilityFacts, rule: string) =>
  assessEligibility(f, params).checks.find((c) => c.rule === rule);

describe('eligibility', () => {
  it('explains every rule with its outcome, reason and citation, and is eligible only when all pass', () => {
    const { checks, eligible } = assessEligibility(facts, params);
    expect(eligible).toBe(true);
    expect(checks.map((c) => c.rule)).toEqual([
      'conduct',
      'time-served',
      'fines-paid',
      'civil-obligations',
      'security',
      'national-security',
      'aggravating-protest',
      'new-prosecution',
      'previously-pardoned',
      'prior-convictions',
      'round:drug-use-evidence',
      'round:three-crimes-or-two-intentional',
    ]);
    for (const c of checks) expect(c.reason.vi && c.reason.en && c.citation).toBeTruthy();
  });

  it('counts time served from custody to the cut-off, less excluded days, against a third of the term', () => {
    expect(outcome(facts, 'time-served')).toMatchObject({ outcome: 'PASS', citation: 'LĐX 11(1)(b)' });
    const recent = { ...facts, sentence: { ...facts.sentence, servedSince: '2023-01-01' } };
    expect(outcome(recent, 'time-served')).toMatchObject({ outcome: 'FAIL' });
    const serious = {
      ...facts,
      sentence: { ...facts.sentence, servedSince: '2022-06-01', seriousListed: true },
    };
    expect(outcome(serious, 'time-served')?.outcome).toBe('FAIL');
    expect(outcome({ ...serious, reducedCategory: 'AGED_70' }, 'time-served')).toMatchObject({
      outcome: 'PASS',
      citation: 'LĐX 11(3)',
    });
  });

  it('says data is missing rather than failing when the dossier does not yet say', () => {
    const unknown = { ...facts, civilObligation: null, consecutiveGoodQuarters: null };
    expect(outcome(unknown, 'civil-obligations')?.outcome).toBe('MISSING_DATA');
    expect(outcome(unknown, 'conduct')?.outcome).toBe('MISSING_DATA');
    expect(assessEligibility(unknown, params).eligible).toBe(false);
  });

  it('lets partial payment pass for ordinary crimes but not for corruption', () => {
    const partial = { ...facts, civilObligation: 'PARTIAL_UNABLE_TO_PAY' };
    expect(outcome(partial, 'civil-obligations')?.outcome).toBe('PASS');
    expect(
      outcome({ ...partial, sentence: { ...facts.sentence, corruption: true } }, 'civil-obligations'),
    ).toMatchObject({ outcome: 'FAIL', citation: 'LĐX 11(1)(d)' });
  });

  it('fails the statutory and the round’s own exclusions, naming each', () => {
    expect(outcome({ ...facts, previouslyPardoned: true }, 'previously-pardoned')).toMatchObject({
      outcome: 'FAIL',
      citation: 'LĐX 12(4)',
    });
    expect(outcome({ ...facts, aggravatingProtest: true }, 'aggravating-protest')?.outcome).toBe('FAIL');
    expect(outcome({ ...facts, priorConvictions: 2 }, 'prior-convictions')?.outcome).toBe('FAIL');
    expect(
      outcome({ ...facts, roundExclusionsMatched: ['drug-use-evidence'] }, 'round:drug-use-evidence'),
    ).toMatchObject({ outcome: 'FAIL', reason: { en: 'Evidence of illegal drug use' } });
  });

  it('fails unpaid fines, a security concern, a national-security crime and a new prosecution, each alone (LĐX 11(1)(c), 11(1)(e), 12(1), 12(3))', () => {
    const fails = (f: EligibilityFacts, rule: string, citation: string) => {
      expect(outcome(f, rule)).toMatchObject({ outcome: 'FAIL', citation });
      expect(assessEligibility(f, params).eligible).toBe(false);
    };
    fails({ ...facts, finesAndFeesPaid: false }, 'fines-paid', 'LĐX 11(1)(c)');
    fails({ ...facts, securityConcern: true }, 'security', 'LĐX 11(1)(e)');
    fails(
      { ...facts, sentence: { ...facts.sentence, nationalSecurityListed: true } },
      'national-security',
      'LĐX 12(1)',
    );
    fails({ ...facts, newProsecution: true }, 'new-prosecution', 'LĐX 12(3)');
    expect(outcome({ ...facts, securityConcern: null }, 'security')?.outcome).toBe('MISSING_DATA');
  });

  it('needs more consecutive good quarters for longer sentences', () => {
    const long = { ...facts, sentence: { ...facts.sentence, termMonths: 150, servedSince: '2015-01-01' } };
    expect(outcome(long, 'conduct')?.outcome).toBe('FAIL');
    expect(outcome({ ...long, consecutiveGoodQuarters: 14 }, 'conduct')?.outcome).toBe('PASS');
  });
});
