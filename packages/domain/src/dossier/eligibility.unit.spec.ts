import { describe, expect, it } from 'vitest';
import { KNOWN_ROUNDS } from '../round/knownRounds.js';
import type { HeldRating } from './dossier.js';
import { assessEligibility, type EligibilityFacts } from './eligibility.js';

const params = KNOWN_ROUNDS['2024']!.parameters;
/** Quarters rated as the facility recorded them, each classified the month after it ends. */
const quarters = (rating: HeldRating['rating'], ...qs: string[]): HeldRating[] =>
  qs.map((quarter) => ({
    period: 'QUARTER',
    quarter,
    rating,
    ratedOn: `${quarter.slice(0, 4)}-0${Number(quarter.slice(6)) * 2}-05`,
  }));
const sinceWindow = (rating: HeldRating['rating']): HeldRating => ({
  period: 'SINCE_WINDOW',
  quarter: null,
  rating,
  ratedOn: '2024-08-14',
});
const SIX_GOOD = [
  ...quarters('KHA', '2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2'),
  sinceWindow('TOT'),
];
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
    offenceArticles: [{ article: '173', intentional: true }],
  },
  kind: 'PRISONER',
  ratings: SIX_GOOD,
  assessedOn: '2024-08-15',
  lawAbidingWhileSuspended: null,
  suspensionDecisionHeld: false,
  reducedCategory: null,
  finesAndFeesPaid: true,
  civilObligation: 'FULFILLED',
  civil: { notYetEnforceableDecision: false, nonStateAssets: false },
  creditorConsentHeld: false,
  securityConcern: false,
  aggravatingProtest: false,
  newProsecution: false,
  previouslyPardoned: false,
  priorConvictions: 0,
  provenExclusions: [],
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
    const unknown = { ...facts, civilObligation: null, ratings: [] };
    expect(outcome(unknown, 'civil-obligations')?.outcome).toBe('MISSING_DATA');
    expect(outcome(unknown, 'conduct')?.outcome).toBe('MISSING_DATA');
    expect(assessEligibility(unknown, params).eligible).toBe(false);
  });

  it('lets partial payment pass for ordinary crimes, with the enforcement office’s decision and, for assets not the State’s, the creditor’s consent; never for corruption (LĐX 11(1)(đ); NĐ52 5(3)(g), 5(5))', () => {
    const decided = { notYetEnforceableDecision: true, nonStateAssets: false };
    const partial = { ...facts, civilObligation: 'PARTIAL_UNABLE_TO_PAY', civil: decided };
    expect(outcome(partial, 'civil-obligations')?.outcome).toBe('PASS');
    const undecided = { ...partial, civil: { ...decided, notYetEnforceableDecision: false } };
    expect(outcome(undecided, 'civil-obligations')).toMatchObject({ outcome: 'MISSING_DATA' });
    expect(assessEligibility(undecided, params).eligible).toBe(false);
    const owedToPrivate = { ...partial, civil: { ...decided, nonStateAssets: true } };
    expect(outcome(owedToPrivate, 'civil-obligations')?.reason.vi).toContain('người được thi hành án');
    expect(outcome({ ...owedToPrivate, creditorConsentHeld: true }, 'civil-obligations')?.outcome).toBe(
      'PASS',
    );
    const waived = { ...facts, civilObligation: 'CREDITOR_WAIVED' };
    expect(outcome(waived, 'civil-obligations')?.outcome).toBe('MISSING_DATA');
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
      outcome({ ...facts, provenExclusions: ['drug-use-evidence'] }, 'round:drug-use-evidence'),
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
    const fourteen = Array.from({ length: 14 }, (_, i) => `${2021 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
    expect(
      outcome({ ...long, ratings: [...quarters('TOT', ...fourteen), sinceWindow('KHA')] }, 'conduct')
        ?.outcome,
    ).toBe('PASS');
  });
});
