import { describe, expect, it } from 'vitest';
import { KNOWN_ROUNDS, PENDING_ROUNDS } from '../round/knownRounds.js';
import type { RoundEvent } from '../round/events.js';
import { DomainRefusal } from '../shared/rules.js';
import { DOSSIER_RULES as R } from './dossierRules.js';
import { assessEligibility } from './eligibility.js';
import type { DossierEvent } from './events.js';
import { assess, doc, historyIn, inRound, obligationsMet, petition, roundEvents as r } from './testing.js';

const params = KNOWN_ROUNDS['2025-2']!.parameters;

/** A dossier petitioned, its obligations confirmed and assessed, in a round whose stream holds `round`. */
const assessIn = (round: RoundEvent[]): DossierEvent[] =>
  historyIn(inRound(...round), petition('2024-08-12'), obligationsMet(), assess());

describe('a round whose conditions are not yet known', () => {
  // The 2026 round's decision is known, its conditions are not (DOMAIN.md §9.2).
  const decidedData: Record<string, unknown> = { ...r.decided.data };
  delete decidedData.parameters;
  const decidedWithout = {
    type: 'AmnestyRoundDecided',
    data: { ...decidedData, decision: { number: PENDING_ROUNDS['2026']!.decision, date: '2026-04-01' } },
  } as RoundEvent;
  const rest = [r.announced, r.posted];

  it('refuses to assess a dossier until the parameters are entered, then assesses on them', () => {
    let refusal: unknown;
    try {
      assessIn([decidedWithout, ...rest]);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainRefusal);
    expect(refusal).toMatchObject({ rule: R.roundParametersMissing.id });
    const entered: RoundEvent = {
      type: 'RoundParametersEntered',
      data: { parameters: params, document: doc('33/HD-HĐTVĐX', '2026-04-10'), enteredOn: '2026-04-11' },
    };
    const assessed = assessIn([decidedWithout, entered, ...rest]).at(-1);
    expect(assessed?.type).toBe('EligibilityAssessed');
    // The assessment names what it rested on that nobody has checked against the texts yet.
    expect(assessed?.data).toMatchObject({ unverifiedParameters: params.unverified });
  });
});

/** `n` consecutive quarters rated khá up to 2025-Q2, and khá since the round's window. */
const rated = (n: number) => [
  ...Array.from({ length: n }, (_, i) => ({
    period: 'QUARTER',
    quarter: `2025-Q${2 - i}`,
    rating: 'KHA',
    ratedOn: '2025-06-05',
  })),
  { period: 'SINCE_WINDOW', quarter: null, rating: 'KHA', ratedOn: '2025-08-15' },
];

describe('parameters not verified against the texts', () => {
  it('are marked on the round, and the short-sentence band is the conservative one', () => {
    for (const round of Object.values(KNOWN_ROUNDS))
      expect(round.parameters.unverified?.length).toBeGreaterThan(0);
    const shortSentence = {
      sentence: {
        kind: 'FIXED' as const,
        termMonths: 24,
        servedSince: '2020-01-01',
        excludedDays: 0,
        seriousListed: false,
        corruption: false,
        nationalSecurityListed: false,
      },
      reducedCategory: null,
      civilObligation: 'FULFILLED' as const,
      finesAndFeesPaid: true,
      kind: 'PRISONER',
      ratings: [],
      assessedOn: '2025-08-20',
      lawAbidingWhileSuspended: null,
      suspensionDecisionHeld: false,
      civil: null,
      creditorConsentHeld: false,
      securityConcern: false,
      aggravatingProtest: false,
      newProsecution: false,
      previouslyPardoned: false,
      priorConvictions: 0,
      provenExclusions: [],
    };
    const conduct = (quarters: number) =>
      assessEligibility({ ...shortSentence, ratings: rated(quarters) } as never, params).checks.find(
        (c) => c.rule === 'conduct',
      )?.outcome;
    // A sentence of up to 3 years no longer passes with no good quarter at all, nor with one.
    expect(conduct(0)).toBe('MISSING_DATA');
    expect(conduct(1)).toBe('FAIL');
    expect(conduct(2)).toBe('PASS');
  });
});
