import { describe, expect, it } from 'vitest';
import type { RoundEvent } from '../round/events.js';
import { KNOWN_ROUNDS } from '../round/knownRounds.js';
import { DOSSIER_COMMANDS, type DossierCommand } from './commands.js';
import { dossierContext, type DossierContext } from './context.js';
import { decideDossier } from './decideDossier.js';
import { evolveDossier, initialDossierState } from './dossier.js';
import { DOSSIER_RULES as R } from './dossierRules.js';
import type { DossierEvent } from './events.js';
import {
  C,
  COMPLAINT,
  DOSSIER,
  OTHER_DOSSIER,
  PERSON_ID,
  ROUND_ID,
  assess,
  assessmentData,
  doc,
  givenDossier,
  goodRatings,
  inRound,
  obligationsMet,
  petition,
  petitionData,
  rating,
  roundEvents as r,
  withGrants,
} from './testing.js';

const ROUND = inRound(r.decided, r.announced, r.posted, r.ineligibleList, r.granted([DOSSIER]));
const given = givenDossier(ROUND);
const schemaOf = (type: DossierCommand['type']) => DOSSIER_COMMANDS.find((c) => c.type === type)!.schema;
const refusedField = (type: DossierCommand['type'], data: object, field: string) => {
  const parsed = schemaOf(type).safeParse(data);
  expect(parsed.success).toBe(false);
  expect(parsed.error?.issues).toContainEqual(
    expect.objectContaining({ code: 'unrecognized_keys', keys: [field] }),
  );
};
const run = (context: DossierContext, ...commands: DossierCommand[]): DossierEvent[] =>
  commands.reduce<DossierEvent[]>(
    (events, c) => [
      ...events,
      ...decideDossier(c, events.reduce(evolveDossier, initialDossierState), context),
    ],
    [],
  );
const confirm = obligationsMet();
const confirmed = run(ROUND, petition('2024-08-12'), confirm, ...goodRatings());
const eligibility = (events: DossierEvent[]) =>
  events.find((e) => e.type === 'EligibilityAssessed')?.data as {
    eligible: boolean;
    checks: { rule: string; outcome: string }[];
  };

describe('a petition, against the posting the round records', () => {
  it('is refused six weeks late even if the client adds a later posting date', () => {
    const late = { ...petitionData('2024-09-20'), decisionPostedOn: '2024-09-19' };
    refusedField('SubmitPetition', late, 'decisionPostedOn');
    given().when(C('SubmitPetition', late)).thenRefuses(R.petitionWindow);
  });

  it('is refused before the decision was posted at its facility, or where it never was', () => {
    given().when(petition('2024-08-08')).thenRefuses(R.notPosted);
    given().when(petition('2024-08-12'), inRound(r.decided, r.announced)).thenRefuses(R.notPosted);
  });

  it('is refused for a round with no decision', () => {
    given().when(petition('2024-08-12'), inRound()).thenRefuses(R.roundNotDecided);
  });
});

describe('an eligibility assessment, against the round’s own parameters', () => {
  it('does not make a dossier with no good quarter eligible by sending altered round parameters', () => {
    const lenient = { ...KNOWN_ROUNDS['2024']!.parameters, quarterBands: [] };
    const altered = assessmentData({ round: lenient });
    refusedField('AssessEligibility', altered, 'round');
    const unrated = run(ROUND, petition('2024-08-12'), confirm, rating('2024-Q2'), rating(null));
    const events = given(unrated)
      .when(C('AssessEligibility', altered))
      .then(() => undefined);
    expect(eligibility(events).eligible).toBe(false);
    expect(eligibility(events).checks).toContainEqual(
      expect.objectContaining({ rule: 'conduct', outcome: 'FAIL' }),
    );
  });

  it('is refused for a round with no decision', () => {
    given(confirmed).when(assess(), inRound()).thenRefuses(R.roundNotDecided);
  });

  it('finds a person previously pardoned from the grants the log records, not from the body', () => {
    refusedField('AssessEligibility', assessmentData({ previouslyPardoned: false }), 'previouslyPardoned');
    const earlier = { roundId: OTHER_DOSSIER, dossierId: OTHER_DOSSIER, grantedOn: '2018-09-02' };
    const pardoned = given(confirmed)
      .when(assess(), withGrants([earlier], r.decided, r.posted))
      .then(() => undefined);
    expect(eligibility(pardoned).checks).toContainEqual(
      expect.objectContaining({ rule: 'previously-pardoned', outcome: 'FAIL' }),
    );
    // Its own grant, or one after the assessment, does not count.
    const own = { roundId: ROUND_ID, dossierId: DOSSIER, grantedOn: '2024-10-01' };
    const later = { ...earlier, grantedOn: '2025-09-01' };
    const clean = given(confirmed)
      .when(assess(), withGrants([own, later], r.decided, r.posted))
      .then(() => undefined);
    expect(eligibility(clean).eligible).toBe(true);
  });
});

describe('a complaint, against the list the round records as posted', () => {
  const ineligible = run(
    ROUND,
    petition('2024-08-12'),
    confirm,
    ...goodRatings(),
    assess({ securityConcern: true }),
  );
  const lodge = (lodgedOn: string, extra: object = {}) =>
    C('LodgeComplaint', { complaintId: COMPLAINT, lodgedOn, viaRepresentative: false, ...extra });

  it('closes 5 days after the list naming the dossier was posted, whatever date the client sends', () => {
    refusedField(
      'LodgeComplaint',
      { ...lodge('2024-08-23').data, complaintsCloseOn: '2024-09-30' },
      'complaintsCloseOn',
    );
    given(ineligible)
      .when(lodge('2024-08-23', { complaintsCloseOn: '2024-09-30' }))
      .thenRefuses(R.complaintWindow);
    given(ineligible)
      .when(lodge('2024-08-22'))
      .then((e) => expect(e[0]?.type).toBe('ComplaintLodged'));
  });

  it('runs from the facility’s eligible list when no ineligible list names the dossier', () => {
    const eligibleList: RoundEvent = {
      type: 'ProposalListPosted',
      data: {
        ...r.ineligibleList.data,
        kind: 'ELIGIBLE',
        dossierIds: [OTHER_DOSSIER],
        postedOn: '2024-08-20',
        complaintsCloseOn: '2024-08-26',
      },
    };
    given(ineligible)
      .when(lodge('2024-08-25'), inRound(r.decided, r.posted, eligibleList))
      .then((e) => expect(e[0]?.type).toBe('ComplaintLodged'));
  });

  it('is refused where the facility has posted no list', () => {
    given(ineligible).when(lodge('2024-08-20'), inRound(r.decided, r.posted)).thenRefuses(R.listNotPosted);
  });
});

describe('a grant outcome, against the President’s grant decision the round records', () => {
  const eligible = run(ROUND, petition('2024-08-12'), confirm, ...goodRatings(), assess());
  const outcome = (value: 'GRANTED' | 'NOT_GRANTED', extra: object = {}) =>
    C('RecordGrantOutcome', { outcome: value, ...extra }, 'amnesty-subcommittee');

  it('is granted only if the decision names the dossier, whatever the client claims', () => {
    refusedField(
      'RecordGrantOutcome',
      { outcome: 'GRANTED', namedInGrantDecision: true },
      'namedInGrantDecision',
    );
    given(eligible)
      .when(
        outcome('GRANTED', { namedInGrantDecision: true }),
        inRound(r.decided, r.granted([OTHER_DOSSIER])),
      )
      .thenRefuses(R.notInGrantDecision);
    given(eligible)
      .when(outcome('GRANTED'))
      .then((e) => expect(e[0]?.data).toEqual({ outcome: 'GRANTED' }));
  });

  it('is refused before the grant decision, and not-granted is refused for a dossier it names', () => {
    given(eligible).when(outcome('GRANTED'), inRound(r.decided, r.posted)).thenRefuses(R.noGrantDecision);
    given(eligible).when(outcome('NOT_GRANTED')).thenRefuses(R.namedInGrantDecision);
  });
});

describe('what a dossier step reads', () => {
  const asked: string[] = [];
  const loader = {
    load: async <K extends 'round'>(kind: K, id: string) => {
      asked.push(`${kind}-${id}`);
      return ROUND.round!;
    },
    grantsOf: async (personId: string) => {
      asked.push(`grants-${personId}`);
      return [];
    },
  };

  it('loads the round the petition names, the dossier’s round and the person’s grants to assess, and nothing for the rest', async () => {
    const open = confirmed.reduce(evolveDossier, initialDossierState);
    await dossierContext(petition('2024-08-12'), initialDossierState, loader);
    await dossierContext(assess(), open, loader);
    const peerReview = C('RecordPeerReview', {
      votesFor: 9,
      votesAgainst: 1,
      minutes: doc('1/BB', '2024-08-14'),
    });
    expect(await dossierContext(peerReview, open, loader)).toEqual({ round: null, grants: [] });
    expect(asked).toEqual([`round-${ROUND_ID}`, `round-${ROUND_ID}`, `grants-${PERSON_ID}`]);
  });
});
