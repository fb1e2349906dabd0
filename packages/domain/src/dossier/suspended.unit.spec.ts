import { describe, expect, it } from 'vitest';
import type { RoundEvent } from '../round/events.js';
import type { DossierCommand } from './commands.js';
import { decideDossier } from './decideDossier.js';
import { evolveDossier, initialDossierState } from './dossier.js';
import { DOSSIER_RULES as R } from './dossierRules.js';
import type { DossierEvent } from './events.js';
import {
  C,
  COMPLAINT,
  DOSSIER,
  assess,
  doc,
  givenDossier,
  goodRatings,
  historyIn,
  inRound,
  obligationsMet,
  petitionData,
  roundEvents as r,
} from './testing.js';

// The provincial court suspended the sentence on 01/01/2024 and notified the person on 02/08/2024.
const COURT = 'toa-an-tinh';
const notified: RoundEvent = {
  type: 'RoundDecisionNotifiedToSuspended',
  data: { facilityId: COURT, notifiedOn: '2024-08-02', announcedOn: '2024-07-31', listsDueBy: '2024-08-15' },
};
const courtList: RoundEvent = {
  type: 'ProposalListPosted',
  data: { ...r.ineligibleList.data, listId: '0192f5c4-0000-7000-8000-0000000000fb', facilityId: COURT },
};
const ROUND = inRound(
  r.decided,
  r.announced,
  r.posted,
  r.ineligibleList,
  notified,
  courtList,
  r.granted([DOSSIER]),
);
const given = givenDossier(ROUND);
const suspendedData = (submittedOn: string) => ({
  ...petitionData(submittedOn),
  facilityId: COURT,
  dossierKind: 'SUSPENDED',
  sentence: { ...petitionData(submittedOn).sentence, excludedDays: 214 },
});
const byCourt = (type: DossierCommand['type'], data: unknown) => C(type, data, 'court');
const courtRatings = goodRatings('court').slice(0, -1);
const suspension = byCourt('AttachDocument', {
  docType: 'SUSPENSION_DECISION',
  document: doc('12/2024/QĐ-TA', '2024-01-01'),
});
const comment = (lawAbiding: boolean) =>
  byCourt('RecordCommuneConfirmation', {
    kind: 'LAW_ABIDING_WHILE_SUSPENDED',
    communeCode: 'xa-an-khanh',
    document: doc('45/NX-UBND', '2024-08-10'),
    lawAbiding,
  });
const petitioned = historyIn(ROUND, byCourt('SubmitPetition', suspendedData('2024-08-20')), obligationsMet());
const checks = (events: DossierEvent[]) =>
  events.at(-1)?.data as { eligible: boolean; checks: { rule: string; outcome: string }[] };
const assessed = (...steps: DossierCommand[]) =>
  checks(
    historyIn(
      ROUND,
      byCourt('SubmitPetition', suspendedData('2024-08-20')),
      obligationsMet(),
      ...steps,
      C(
        'AssessEligibility',
        { assessedOn: '2024-08-21', securityConcern: false, newProsecution: false },
        'court',
      ),
    ),
  );

describe('a suspended person’s dossier (LĐX 11(2), 15(3))', () => {
  it('is the provincial court’s: opened after the court’s notice, with no five-day window, and by no warden', () => {
    given()
      .when(C('SubmitPetition', suspendedData('2024-08-20')))
      .thenRefuses(R.facilityPrisonersOnly);
    given()
      .when(byCourt('SubmitPetition', petitionData('2024-08-12')))
      .thenRefuses(R.courtSuspendedOnly);
    given()
      .when(byCourt('SubmitPetition', suspendedData('2024-08-20')), inRound(r.decided, r.announced, r.posted))
      .thenRefuses(R.suspendedNotNotified);
    given()
      .when(byCourt('SubmitPetition', suspendedData('2024-08-20')))
      .then((e) => expect(e[0]?.data).toMatchObject({ dossierKind: 'SUSPENDED', facilityId: COURT }));
  });

  it('needs the suspension decision and the commune’s comment that the person kept to the law (LĐX 11(2)(d), 14(5))', () => {
    const rule = (result: ReturnType<typeof assessed>) =>
      result.checks.find((c) => c.rule === 'law-abiding-while-suspended')?.outcome;
    expect(rule(assessed(...courtRatings))).toBe('MISSING_DATA');
    expect(rule(assessed(...courtRatings, suspension))).toBe('MISSING_DATA');
    const broke = assessed(...courtRatings, suspension, comment(false));
    expect(rule(broke)).toBe('FAIL');
    expect(broke.eligible).toBe(false);
    // Rated before the suspension; the prisoners' window since 26/05/2024 is not asked of them.
    const kept = assessed(...courtRatings, suspension, comment(true));
    expect(kept.eligible).toBe(true);
    expect(kept.checks.find((c) => c.rule === 'conduct')).toMatchObject({
      citation: 'LĐX 11(2)(a); NĐ52 4(1)',
    });
  });

  it('takes the commune’s comment only on a suspended person’s dossier, and only saying whether the law was kept', () => {
    const silent = { ...(comment(true).data as Record<string, unknown>), lawAbiding: undefined };
    given(petitioned).when(byCourt('RecordCommuneConfirmation', silent)).thenRefuses(R.lawAbidingComment);
    const prisoner = historyIn(ROUND, C('SubmitPetition', petitionData('2024-08-12')));
    given(prisoner)
      .when(C('RecordCommuneConfirmation', comment(true).data))
      .thenRefuses(R.lawAbidingComment);
  });
});

describe('who acts on which dossier (LĐX 15, 18(3), 37)', () => {
  const prisoner = historyIn(ROUND, C('SubmitPetition', petitionData('2024-08-12')), obligationsMet());
  const certificate = {
    certificate: doc('957-0042/GCN', '2024-10-01'),
    issuedOn: '2024-10-01',
    reportToCommuneBy: '2024-10-11',
    destinationCommune: 'xa-an-khanh',
  };

  it('lets the court certify and compile only for suspended persons, and a warden only for prisoners', () => {
    given(prisoner).when(byCourt('IssueCertificate', certificate)).thenRefuses(R.courtSuspendedOnly);
    given(prisoner)
      .when(
        byCourt('AssessEligibility', {
          assessedOn: '2024-08-15',
          securityConcern: false,
          newProsecution: false,
        }),
      )
      .thenRefuses(R.courtSuspendedOnly);
    given(petitioned).when(C('IssueCertificate', certificate)).thenRefuses(R.facilityPrisonersOnly);
    given(petitioned)
      .when(C('AttachDocument', suspension.data, 'amnesty-subcommittee'))
      .thenRefuses(R.facilityPrisonersOnly);
  });

  const lodge = (role?: 'court') =>
    C('LodgeComplaint', { complaintId: COMPLAINT, lodgedOn: '2024-08-20', viaRepresentative: false }, role);
  const resolve = (role: 'court' | 'procuracy' | 'facility-warden' | 'civil-enforcement') =>
    C(
      'ResolveComplaint',
      {
        complaintId: COMPLAINT,
        outcome: 'REJECTED',
        resolvedOn: '2024-08-22',
        procuracyCopied: true,
        decision: doc('05/QĐ-GQKN', '2024-08-22'),
      },
      role,
    );

  it('has complaints resolved only by the heads LĐX 37(1) names, each for its own dossiers', () => {
    const open = historyIn(
      ROUND,
      C('SubmitPetition', petitionData('2024-08-12')),
      obligationsMet(),
      assess({ securityConcern: true }),
      lodge(),
    );
    for (const role of ['procuracy', 'civil-enforcement'] as const)
      given(open).when(resolve(role)).thenRefuses(R.role);
    given(open).when(resolve('court')).thenRefuses(R.courtSuspendedOnly);
    given(open)
      .when(resolve('facility-warden'))
      .then((e) => expect(e[0]?.type).toBe('ComplaintResolved'));
  });

  it('sends a suspended person’s appeal to the Chief Justice, recorded by the court; a prisoner’s to a Minister, by the sub-committee', () => {
    const rejected = historyIn(
      ROUND,
      byCourt('SubmitPetition', suspendedData('2024-08-20')),
      lodge('court'),
      resolve('court'),
    );
    const appeal = (to: string) =>
      byCourt('AppealComplaint', { complaintId: COMPLAINT, appealedOn: '2024-08-24', to });
    given(rejected).when(appeal('MPS_MINISTER')).thenRefuses(R.appealAddressee);
    const after = (history: DossierEvent[], command: DossierCommand) => [
      ...history,
      ...decideDossier(command, history.reduce(evolveDossier, initialDossierState), ROUND),
    ];
    const appealed = after(rejected, appeal('SPC_CHIEF_JUSTICE'));
    const decide = (role: 'court' | 'amnesty-subcommittee') =>
      C(
        'ResolveAppeal',
        {
          complaintId: COMPLAINT,
          outcome: 'PLACED_ON_INELIGIBLE',
          resolvedOn: '2024-08-28',
          document: doc('9/QĐ-TANDTC', '2024-08-28'),
        },
        role,
      );
    given(appealed).when(decide('amnesty-subcommittee')).thenRefuses(R.appealResolver);
    given(appealed)
      .when(decide('court'))
      .then((e) => expect(e[0]?.type).toBe('ComplaintAppealResolved'));
    // A prisoner appeals to a Minister, whose decision the court may not record.
    const prisonerRejected = historyIn(
      ROUND,
      C('SubmitPetition', petitionData('2024-08-12')),
      obligationsMet(),
      assess({ securityConcern: true }),
      lodge(),
      resolve('facility-warden'),
    );
    given(prisonerRejected)
      .when(
        C('AppealComplaint', { complaintId: COMPLAINT, appealedOn: '2024-08-24', to: 'SPC_CHIEF_JUSTICE' }),
      )
      .thenRefuses(R.appealAddressee);
    const toMinister = after(
      prisonerRejected,
      C('AppealComplaint', { complaintId: COMPLAINT, appealedOn: '2024-08-24', to: 'MPS_MINISTER' }),
    );
    given(toMinister).when(decide('court')).thenRefuses(R.appealResolver);
    given(toMinister)
      .when(decide('amnesty-subcommittee'))
      .then((e) => expect(e[0]?.type).toBe('ComplaintAppealResolved'));
  });
});
