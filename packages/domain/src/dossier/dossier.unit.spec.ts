import { describe, expect, it } from 'vitest';
import type { DossierCommand } from './commands.js';
import { decideDossier } from './decideDossier.js';
import { evolveDossier, initialDossierState } from './dossier.js';
import { DOSSIER_RULES as R } from './dossierRules.js';
import type { DossierEvent } from './events.js';
import {
  C,
  COMPLAINT,
  DOSSIER,
  OTHER_DOSSIER,
  assess,
  doc,
  givenDossier,
  goodRatings,
  historyIn,
  inRound,
  obligationsMet,
  petition,
  petitionData,
  roundEvents as r,
} from './testing.js';

// The round as its stream has it: decided, posted at the facility on 09/08, the ineligible list
// naming this dossier posted on 17/08 (complaints close 22/08), the grant decision naming it.
const ROUND = inRound(r.decided, r.announced, r.posted, r.ineligibleList, r.granted([DOSSIER]));
const given = givenDossier(ROUND);
const petitioned = given()
  .when(petition('2024-08-12'))
  .then(() => undefined);
const confirmed = historyIn(ROUND, petition('2024-08-12'), obligationsMet(), ...goodRatings());
const history = (...commands: DossierCommand[]): DossierEvent[] =>
  commands.reduce<DossierEvent[]>(
    (events, c) => [...events, ...decideDossier(c, events.reduce(evolveDossier, initialDossierState), ROUND)],
    [...confirmed],
  );

describe('amnesty dossiers', () => {
  it('take a petition within 5 days of the decision being posted, and refuse one later', () => {
    given().when(petition('2024-08-15')).thenRefuses(R.petitionWindow);
    given()
      .when(C('SubmitPetition', petitionData('2024-08-12'), 'commune-police'))
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
    const ineligible = history(assess({ securityConcern: true }));
    given(history(assess()))
      .when(
        C('LodgeComplaint', {
          complaintId: COMPLAINT,
          lodgedOn: '2024-08-20',
          viaRepresentative: false,
        }),
      )
      .thenRefuses(R.complaintOnlyIfOmitted);
    given(ineligible)
      .when(
        C('LodgeComplaint', {
          complaintId: COMPLAINT,
          lodgedOn: '2024-08-23',
          viaRepresentative: false,
        }),
      )
      .thenRefuses(R.complaintWindow);
    // Never assessed and on no eligible list: left off all the same, so may complain (LĐX 36(1)).
    given(confirmed)
      .when(C('LodgeComplaint', { complaintId: COMPLAINT, lodgedOn: '2024-08-20', viaRepresentative: false }))
      .then((e) => expect(e[0]?.type).toBe('ComplaintLodged'));
    const lodged = history(
      assess({ securityConcern: true }),
      C('LodgeComplaint', {
        complaintId: COMPLAINT,
        lodgedOn: '2024-08-20',
        viaRepresentative: true,
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
      assess({ securityConcern: true }),
      C('LodgeComplaint', {
        complaintId: COMPLAINT,
        lodgedOn: '2024-08-20',
        viaRepresentative: false,
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
      .when(C('RecordGrantOutcome', { outcome: 'GRANTED' }, 'amnesty-subcommittee'))
      .thenRefuses(R.disqualified);
  });

  it('can be proposed again once the protest is withdrawn, and only the ground recorded can be lifted', () => {
    const lift = (reason: string) =>
      C(
        'LiftDisqualification',
        {
          reason,
          ground: 'PROTEST_WITHDRAWN',
          sourceUnit: 'vks-toi-cao',
          document: doc('21/QĐ-VKSTC-V7', '2024-08-27'),
          liftedOn: '2024-08-27',
        },
        'procuracy',
      );
    const protest = C(
      'RecordDisqualifyingEvent',
      {
        reason: 'AGGRAVATING_CASSATION_OR_REOPENING_PROTEST',
        sourceUnit: 'vks-toi-cao',
        document: doc('20/QĐ-VKSTC-V7', '2024-08-25'),
        recordedOn: '2024-08-26',
        recipients: ['tieu-ban-dac-xa-hai-phong', 'trai-giam-x'],
      },
      'procuracy',
    );
    given(history(assess(), protest)).when(lift('NEW_PROSECUTION')).thenRefuses(R.notDisqualifiedSo);
    // A second ground recorded earlier still stands once the protest is lifted.
    const prosecuted = C(
      'RecordDisqualifyingEvent',
      {
        reason: 'NEW_PROSECUTION',
        sourceUnit: 'ca-tinh',
        document: doc('9/QĐKT', '2024-08-24'),
        recordedOn: '2024-08-24',
      },
      'amnesty-subcommittee',
    );
    given(history(assess(), prosecuted, protest, lift('AGGRAVATING_CASSATION_OR_REOPENING_PROTEST')))
      .when(C('AppraiseDossier', { opinion: 'AGREE', appraisedOn: '2024-08-28' }, 'amnesty-subcommittee'))
      .thenRefuses(R.disqualified);
    given(history(assess(), protest, lift('AGGRAVATING_CASSATION_OR_REOPENING_PROTEST')))
      .when(C('AppraiseDossier', { opinion: 'AGREE', appraisedOn: '2024-08-28' }, 'amnesty-subcommittee'))
      .then((e) => expect(e[0]?.type).toBe('DossierAppraised'));
  });

  it('are granted only when eligible and named in the President’s decision, and only then get a certificate', () => {
    const eligible = history(assess());
    given(eligible)
      .when(
        C('RecordGrantOutcome', { outcome: 'GRANTED' }, 'amnesty-subcommittee'),
        inRound(r.decided, r.posted, r.granted([OTHER_DOSSIER])),
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
        { outcome: 'GRANTED', grantDecision: doc('957/QĐ-CTN', '2024-09-29') },
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
    const ineligible = history(assess({ securityConcern: true }));
    given(ineligible).when(appraise).thenRefuses(R.notEligible);
    given(ineligible)
      .when(C('SignFacilityProposal', { recommendation: 'PROPOSE', document: doc('3/VB', '2024-08-16') }))
      .thenRefuses(R.proposalNeedsEligibility);
  });

  it('resolve only a pending complaint, and take an appeal only against a rejection', () => {
    const ineligible = history(assess({ securityConcern: true }));
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
      assess({ securityConcern: true }),
      C('LodgeComplaint', {
        complaintId: COMPLAINT,
        lodgedOn: '2024-08-20',
        viaRepresentative: false,
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
