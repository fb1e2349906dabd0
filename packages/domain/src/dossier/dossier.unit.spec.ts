import { describe, expect, it } from 'vitest';
import { KNOWN_ROUNDS } from '../round/knownRounds.js';
import type { CommandMeta } from '../shared/command.js';
import type { Role } from '../shared/roles.js';
import { givenWhenThen } from '../testing/givenWhenThen.js';
import type { DossierCommand } from './commands.js';
import { decideDossier } from './decideDossier.js';
import { evolveDossier, initialDossierState, type DossierState } from './dossier.js';
import { DOSSIER_RULES as R } from './dossierRules.js';
import type { DossierEvent } from './events.js';

const given = givenWhenThen<DossierCommand, DossierEvent, DossierState>({
  decide: (c, s) => decideDossier(c, s),
  evolve: evolveDossier,
  initialState: initialDossierState,
});
const meta = (role: Role = 'facility-warden'): CommandMeta => ({
  actor: `u-${role}`,
  role,
  unit: 'trai-giam-x',
  now: '2024-08-10T02:00:00Z',
});
const doc = (number: string, date: string) => ({ number, date });
const C = (type: DossierCommand['type'], data: unknown, role?: Role): DossierCommand =>
  ({ type, data, meta: meta(role) }) as DossierCommand;
const DOSSIER = '0192f5c4-0000-7000-8000-0000000000f1';
const COMPLAINT = '0192f5c4-0000-7000-8000-0000000000f2';

const petition = (submittedOn: string) =>
  C('SubmitPetition', {
    dossierId: DOSSIER,
    roundId: '0192f5c4-0000-7000-8000-0000000000f0',
    person: {
      personId: '0192f5c4-0000-7000-8000-0000000000f3',
      fullName: 'Phạm Nhân Giả Định',
      birthDate: '1985',
    },
    facilityId: 'trai-giam-x',
    submittedOn,
    commitmentSigned: true,
    priorConvictions: 0,
    decisionPostedOn: '2024-08-09',
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
  });
const assess = (extra: Record<string, unknown> = {}) =>
  C('AssessEligibility', {
    assessedOn: '2024-08-15',
    round: KNOWN_ROUNDS['2024']!.parameters,
    consecutiveGoodQuarters: 6,
    ratedGoodSinceWindow: true,
    securityConcern: false,
    newProsecution: false,
    roundExclusionsMatched: [],
    previouslyPardoned: false,
    ...extra,
  });
const petitioned = given()
  .when(petition('2024-08-12'))
  .then(() => undefined);
const confirmed = [
  ...petitioned,
  ...given(petitioned)
    .when(
      C('ConfirmCivilObligations', {
        status: 'FULFILLED',
        finesAndFeesPaid: true,
        decision: doc('12/XN-THADS', '2024-08-13'),
      }),
    )
    .then(() => undefined),
];
const history = (...commands: DossierCommand[]): DossierEvent[] =>
  commands.reduce<DossierEvent[]>(
    (events, c) => [...events, ...decideDossier(c, events.reduce(evolveDossier, initialDossierState))],
    [...confirmed],
  );

describe('amnesty dossiers', () => {
  it('take a petition within 5 days of the decision being posted, and refuse one later', () => {
    given().when(petition('2024-08-15')).thenRefuses(R.petitionWindow);
    given()
      .when({ ...petition('2024-08-12'), meta: meta('commune-police') })
      .thenRefuses(R.role);
  });

  it('record the eligibility assessment with every rule explained', () => {
    given(confirmed)
      .when(assess())
      .then((e) => expect(e[0]?.data).toMatchObject({ eligible: true, servedDays: 1310, requiredDays: 731 }));
    given(petitioned)
      .when(assess())
      .then((e) => expect(e[0]?.data).toMatchObject({ eligible: false }));
  });

  it('take a complaint from someone left off the list within 5 days of posting, resolved within 5 days', () => {
    const ineligible = history(assess({ roundExclusionsMatched: ['drug-use-evidence'] }));
    given(history(assess()))
      .when(
        C('LodgeComplaint', {
          complaintId: COMPLAINT,
          lodgedOn: '2024-08-20',
          viaRepresentative: false,
          complaintsCloseOn: '2024-08-22',
        }),
      )
      .thenRefuses(R.complaintOnlyIfOmitted);
    given(ineligible)
      .when(
        C('LodgeComplaint', {
          complaintId: COMPLAINT,
          lodgedOn: '2024-08-23',
          viaRepresentative: false,
          complaintsCloseOn: '2024-08-22',
        }),
      )
      .thenRefuses(R.complaintWindow);
    const lodged = history(
      assess({ roundExclusionsMatched: ['drug-use-evidence'] }),
      C('LodgeComplaint', {
        complaintId: COMPLAINT,
        lodgedOn: '2024-08-20',
        viaRepresentative: true,
        complaintsCloseOn: '2024-08-22',
      }),
    );
    given(lodged)
      .when(
        C('ResolveComplaint', {
          complaintId: COMPLAINT,
          outcome: 'REJECTED',
          resolvedOn: '2024-08-27',
          procuracyCopied: true,
          decision: doc('05/QĐ-GQKN', '2024-08-27'),
        }),
      )
      .then((e) => expect(e[0]?.data).toMatchObject({ late: true }));
  });

  it('allow an appeal only after a rejection and within 5 days of it', () => {
    const rejected = history(
      assess({ roundExclusionsMatched: ['drug-use-evidence'] }),
      C('LodgeComplaint', {
        complaintId: COMPLAINT,
        lodgedOn: '2024-08-20',
        viaRepresentative: false,
        complaintsCloseOn: '2024-08-22',
      }),
      C('ResolveComplaint', {
        complaintId: COMPLAINT,
        outcome: 'REJECTED',
        resolvedOn: '2024-08-23',
        procuracyCopied: true,
        decision: doc('05/QĐ', '2024-08-23'),
      }),
    );
    given(rejected)
      .when(C('AppealComplaint', { complaintId: COMPLAINT, appealedOn: '2024-08-29', to: 'MPS_MINISTER' }))
      .thenRefuses(R.appealWindow);
    const appealed = given(rejected)
      .when(C('AppealComplaint', { complaintId: COMPLAINT, appealedOn: '2024-08-26', to: 'MPS_MINISTER' }))
      .then((e) => expect(e[0]?.data).toMatchObject({ resolveBy: '2024-09-04' }));
    given([...rejected, ...appealed])
      .when(
        C(
          'ResolveAppeal',
          { complaintId: COMPLAINT, outcome: 'ADDED_TO_ELIGIBLE', resolvedOn: '2024-08-30' },
          'amnesty-subcommittee',
        ),
      )
      .then((e) => expect(e[0]?.data).toMatchObject({ late: false }));
  });

  it('are disqualified by an aggravating protest: no appraisal and no grant', () => {
    const protested = history(
      assess(),
      C(
        'RecordDisqualifyingEvent',
        {
          reason: 'AGGRAVATING_CASSATION_OR_REOPENING_PROTEST',
          sourceUnit: 'vks-toi-cao',
          document: doc('20/QĐ-VKSTC-V7', '2024-08-25'),
          recordedOn: '2024-08-26',
        },
        'procuracy',
      ),
    );
    given(protested)
      .when(C('AppraiseDossier', { opinion: 'AGREE', appraisedOn: '2024-08-28' }, 'amnesty-subcommittee'))
      .thenRefuses(R.disqualified);
    given(protested)
      .when(
        C('RecordGrantOutcome', { outcome: 'GRANTED', namedInGrantDecision: true }, 'amnesty-subcommittee'),
      )
      .thenRefuses(R.disqualified);
  });

  it('are granted only when eligible and named in the President’s decision, and only then get a certificate', () => {
    const eligible = history(assess());
    given(eligible)
      .when(
        C('RecordGrantOutcome', { outcome: 'GRANTED', namedInGrantDecision: false }, 'amnesty-subcommittee'),
      )
      .thenRefuses(R.notInGrantDecision);
    const certificate = C('IssueCertificate', {
      certificate: doc('957-0042/GCN', '2024-10-01'),
      issuedOn: '2024-10-01',
      reportToCommuneBy: '2024-10-11',
      destinationCommune: 'xa-an-khanh',
    });
    given(eligible).when(certificate).thenRefuses(R.notGranted);
    const granted = history(
      assess(),
      C(
        'RecordGrantOutcome',
        { outcome: 'GRANTED', grantDecision: doc('957/QĐ-CTN', '2024-09-29'), namedInGrantDecision: true },
        'amnesty-subcommittee',
      ),
    );
    given(granted)
      .when(certificate)
      .then((e) => expect(e[0]?.type).toBe('AmnestyCertificateIssued'));
  });
});

describe('dossier refusals', () => {
  it('take no step before a petition', () => {
    given()
      .when(C('RecordPeerReview', { votesFor: 10, votesAgainst: 0, minutes: doc('1/BB', '2024-08-14') }))
      .thenRefuses(R.none);
  });

  it('appraise and propose only assessed, eligible dossiers', () => {
    const appraise = C(
      'AppraiseDossier',
      { opinion: 'AGREE', appraisedOn: '2024-08-28' },
      'amnesty-subcommittee',
    );
    given(confirmed).when(appraise).thenRefuses(R.notAssessed);
    const ineligible = history(assess({ roundExclusionsMatched: ['drug-use-evidence'] }));
    given(ineligible).when(appraise).thenRefuses(R.notEligible);
    given(ineligible)
      .when(C('SignFacilityProposal', { recommendation: 'PROPOSE', document: doc('3/VB', '2024-08-16') }))
      .thenRefuses(R.proposalNeedsEligibility);
  });

  it('resolve only a pending complaint, and take an appeal only against a rejection', () => {
    const ineligible = history(assess({ roundExclusionsMatched: ['drug-use-evidence'] }));
    given(ineligible)
      .when(
        C('ResolveComplaint', {
          complaintId: COMPLAINT,
          outcome: 'REJECTED',
          resolvedOn: '2024-08-23',
          procuracyCopied: true,
          decision: doc('5', '2024-08-23'),
        }),
      )
      .thenRefuses(R.noComplaint);
    const accepted = history(
      assess({ roundExclusionsMatched: ['drug-use-evidence'] }),
      C('LodgeComplaint', {
        complaintId: COMPLAINT,
        lodgedOn: '2024-08-20',
        viaRepresentative: false,
        complaintsCloseOn: '2024-08-22',
      }),
      C('ResolveComplaint', {
        complaintId: COMPLAINT,
        outcome: 'ACCEPTED',
        resolvedOn: '2024-08-23',
        procuracyCopied: true,
        decision: doc('5', '2024-08-23'),
      }),
    );
    given(accepted)
      .when(C('AppealComplaint', { complaintId: COMPLAINT, appealedOn: '2024-08-26', to: 'MPS_MINISTER' }))
      .thenRefuses(R.appealNeedsRejection);
  });
});
