import { describe, expect, it } from 'vitest';
import { KNOWN_ROUNDS } from '../round/knownRounds.js';
import type { DossierCommand } from './commands.js';
import { DOSSIER_RULES as R } from './dossierRules.js';
import { roundExclusionChecks } from './roundExclusions.js';
import {
  C,
  POSTED_ROUND,
  assess,
  doc,
  givenDossier,
  goodRatings,
  historyIn,
  obligationsMet,
  petitionData,
} from './testing.js';

const ROUND = POSTED_ROUND;
const given = givenDossier(ROUND);
const base = petitionData('2024-08-12');
const withSentence = (sentence: object) =>
  C('SubmitPetition', { ...base, sentence: { ...base.sentence, ...sentence } });
const outcomeOf = (rule: string, ...steps: DossierCommand[]) => {
  const events = historyIn(ROUND, ...steps, obligationsMet(), ...goodRatings(), assess());
  const data = events.at(-1)?.data as { checks: { rule: string; outcome: string }[] };
  return data.checks.find((c) => c.rule === rule)?.outcome;
};
const drugs = (reason = 'ROUND_SPECIFIC', roundExclusion = 'drug-use-evidence') =>
  C(
    'RecordDisqualifyingEvent',
    {
      reason,
      roundExclusion,
      sourceUnit: 'trai-giam-x',
      document: doc('3/BB-XN', '2024-08-13'),
      recordedOn: '2024-08-13',
    },
    'facility-warden',
  );

describe('a round’s own exclusions (LĐX 12(6)), found from what the log records', () => {
  it('are matched against the sentence’s offences, not chosen by the assessor', () => {
    const rule = 'round:three-crimes-or-two-intentional';
    const two = [
      { article: '173', intentional: true },
      { article: '134', intentional: true },
    ];
    expect(outcomeOf(rule, withSentence({ offenceArticles: two }))).toBe('FAIL');
    expect(outcomeOf(rule, withSentence({}))).toBe('PASS');
    // A sentence recorded without its articles cannot be matched: not yet known, never passed.
    const bare = { ...base.sentence, offenceArticles: undefined };
    expect(outcomeOf(rule, C('SubmitPetition', { ...base, sentence: bare }))).toBe('MISSING_DATA');
  });

  it('rest on a paper recorded on the dossier where no sentence field can show them', () => {
    expect(outcomeOf('round:drug-use-evidence', withSentence({}))).toBe('PASS');
    expect(outcomeOf('round:drug-use-evidence', withSentence({}), drugs())).toBe('FAIL');
  });

  it('refuse a paper naming an exclusion the round does not list, or under another ground', () => {
    const petitioned = historyIn(ROUND, withSentence({}));
    given(petitioned).when(drugs('ROUND_SPECIFIC', 'no-such-exclusion')).thenRefuses(R.unknownExclusion);
    given(petitioned).when(drugs('NEW_PROSECUTION')).thenRefuses(R.exclusionGround);
  });

  it('match a prior conviction with a new intentional crime (2025 round 1)', () => {
    const params = KNOWN_ROUNDS['2025-1']!.parameters;
    const sentence = { ...base.sentence, offenceArticles: [{ article: '173', intentional: true }] } as never;
    const hit = (priorConvictions: number) =>
      roundExclusionChecks({ sentence, priorConvictions, provenExclusions: [] }, params).find(
        (c) => c.rule === 'round:prior-plus-intentional',
      )?.outcome;
    expect(hit(1)).toBe('FAIL');
    expect(hit(0)).toBe('PASS');
  });
});
