import { beforeAll, describe, expect, it } from 'vitest';
import type { DossierCommand } from '../dossier/commands.js';
import { expectedCaseFromCertificate } from '../dossier/openExpectedCase.js';
import { KNOWN_ROUNDS } from '../round/knownRounds.js';
import type { RoundCommand } from '../round/commands.js';
import { DomainRefusal } from '../shared/rules.js';
import type { Role } from '../shared/roles.js';
import { by, id } from './anKhanhPlan.js';
import { scenarioLog } from './scenarioLog.js';

// The provincial plan for the 2024 round (seeds/004…): QĐ 758/2024/QĐ-CTN, HD 88/HD-HĐTVĐX,
// Công điện 76/CĐ-TTg; invented prisoners in one invented facility.
const ROUND = id(10, 2024);
const FACILITY = 'trai-giam-tinh';
const [D1, D2, D3, D4] = [1, 2, 3, 4].map((n) => id(11, n)) as [string, string, string, string];
const [ELIGIBLE, INELIGIBLE] = [id(12, 1), id(12, 2)];
const log = scenarioLog();
let lateComplaint: unknown;
const doc = (number: string, date: string) => ({ number, date });
const round = (type: RoundCommand['type'], data: unknown, on: string, role: Role = 'amnesty-subcommittee') =>
  log.run('round', ROUND, { type, data, meta: by(role, 'ca-tinh', on) } as RoundCommand);
const dossier = (
  d: string,
  type: DossierCommand['type'],
  data: unknown,
  on: string,
  role: Role = 'facility-warden',
) => log.run('dossier', d, { type, data, meta: by(role, FACILITY, on) } as DossierCommand);
const person = (n: number) => ({
  personId: id(13, n),
  fullName: `Phạm nhân giả định ${n}`,
  birthDate: `${1975 + n}`,
});

function petitionAndAssess(d: string, n: number, exclusions: string[]): void {
  dossier(
    d,
    'SubmitPetition',
    {
      dossierId: d,
      roundId: ROUND,
      person: person(n),
      facilityId: FACILITY,
      submittedOn: '2024-08-12',
      commitmentSigned: true,
      priorConvictions: 0,
      decisionPostedOn: '2024-08-09',
      sentence: {
        kind: 'FIXED',
        termMonths: 60,
        servedSince: '2021-01-15',
        excludedDays: 0,
        seriousListed: false,
        corruption: false,
        nationalSecurityListed: false,
        offences: ['Trộm cắp tài sản'],
      },
    },
    '2024-08-12',
  );
  dossier(
    d,
    'ConfirmCivilObligations',
    { status: 'FULFILLED', finesAndFeesPaid: true, decision: doc(`${n}/XN-THADS`, '2024-08-13') },
    '2024-08-13',
  );
  dossier(
    d,
    'AssessEligibility',
    {
      assessedOn: '2024-08-15',
      round: KNOWN_ROUNDS['2024']!.parameters,
      consecutiveGoodQuarters: 4,
      ratedGoodSinceWindow: true,
      securityConcern: false,
      newProsecution: false,
      roundExclusionsMatched: exclusions,
      previouslyPardoned: false,
    },
    '2024-08-15',
  );
}

beforeAll(() => {
  round(
    'RecordRoundDecision',
    {
      roundId: ROUND,
      decision: doc('758/2024/QĐ-CTN', '2024-07-30'),
      occasion: 'Kỷ niệm 79 năm Quốc khánh và 70 năm Giải phóng Thủ đô',
      amnestyDate: '2024-10-01',
      parameters: KNOWN_ROUNDS['2024']!.parameters,
    },
    '2024-07-30',
  );
  round('RecordRoundAnnouncement', { announcedOn: '2024-07-31' }, '2024-07-31');
  round('RecordRoundGuidance', { guidance: doc('88/HD-HĐTVĐX', '2024-08-02'), milestones: [] }, '2024-08-02');
  round('RecordPrimeMinisterDispatch', { dispatch: doc('76/CĐ-TTg', '2024-08-07') }, '2024-08-07');
  round(
    'PostRoundDecisionAtFacility',
    { facilityId: FACILITY, postedOn: '2024-08-09' },
    '2024-08-09',
    'facility-warden',
  );
  petitionAndAssess(D1, 1, []);
  petitionAndAssess(D2, 2, ['drug-use-evidence']);
  petitionAndAssess(D3, 3, ['three-crimes-or-two-intentional']);
  petitionAndAssess(D4, 4, []);
  round(
    'PostProposalList',
    {
      listId: ELIGIBLE,
      facilityId: FACILITY,
      kind: 'ELIGIBLE',
      dossierIds: [D1, D4],
      postedOn: '2024-08-19',
    },
    '2024-08-19',
    'facility-warden',
  );
  round(
    'PostProposalList',
    {
      listId: INELIGIBLE,
      facilityId: FACILITY,
      kind: 'INELIGIBLE',
      dossierIds: [D2, D3],
      postedOn: '2024-08-19',
    },
    '2024-08-19',
    'facility-warden',
  );
  const closes = (log.events('round', ROUND).at(-1)?.data as { complaintsCloseOn: string }).complaintsCloseOn;
  dossier(
    D2,
    'LodgeComplaint',
    { complaintId: id(14, 2), lodgedOn: '2024-08-21', viaRepresentative: false, complaintsCloseOn: closes },
    '2024-08-21',
  );
  dossier(
    D2,
    'ResolveComplaint',
    {
      complaintId: id(14, 2),
      outcome: 'ACCEPTED',
      resolvedOn: '2024-08-24',
      procuracyCopied: true,
      decision: doc('02/QĐ-GQKN', '2024-08-24'),
    },
    '2024-08-24',
  );
  try {
    dossier(
      D3,
      'LodgeComplaint',
      { complaintId: id(14, 3), lodgedOn: '2024-08-27', viaRepresentative: false, complaintsCloseOn: closes },
      '2024-08-27',
    );
  } catch (error) {
    lateComplaint = error;
  }
  dossier(
    D4,
    'RecordDisqualifyingEvent',
    {
      reason: 'AGGRAVATING_CASSATION_OR_REOPENING_PROTEST',
      sourceUnit: 'vks-tinh',
      document: doc('15/QĐ-VKS', '2024-08-26'),
      recordedOn: '2024-08-26',
    },
    '2024-08-26',
    'procuracy',
  );
  for (const list of [ELIGIBLE, INELIGIBLE])
    round(
      'NotifyProcuracyOfList',
      { listId: list, procuracyUnit: 'vks-tinh', sentOn: '2024-08-20' },
      '2024-08-20',
      'facility-warden',
    );
  round(
    'SendListsToAppraisal',
    { listIds: [ELIGIBLE, INELIGIBLE], teamId: id(15, 1), sentOn: '2024-08-28' },
    '2024-08-28',
    'facility-warden',
  );
  round(
    'RecordAppraisalMinutes',
    { teamId: id(15, 1), eligible: [D1, D2], ineligible: [D3, D4], minutes: doc('03/BB-TĐ', '2024-09-06') },
    '2024-09-06',
  );
  round(
    'SendFinalListsToCouncil',
    { eligible: [D1, D2], ineligible: [D3, D4], sentOn: '2024-09-09' },
    '2024-09-09',
    'facility-warden',
  );
  round(
    'RecordCouncilApproval',
    { meetingOn: '2024-09-20', approved: [D1, D2], rejected: [D3, D4] },
    '2024-09-20',
  );
  round('RecordPresidentialOfficeReview', { reviewedOn: '2024-09-25', issues: [] }, '2024-09-25');
  round(
    'RecordGrantDecision',
    { decision: doc('957/QĐ-CTN', '2024-09-29'), effectiveFrom: '2024-10-01', granted: [D1, D2] },
    '2024-09-29',
  );
  for (const d of [D1, D2, D3, D4]) {
    const named = [D1, D2].includes(d);
    dossier(
      d,
      'RecordGrantOutcome',
      {
        outcome: named ? 'GRANTED' : 'NOT_GRANTED',
        grantDecision: doc('957/QĐ-CTN', '2024-09-29'),
        namedInGrantDecision: named,
      },
      '2024-09-30',
      'amnesty-subcommittee',
    );
  }
  dossier(
    D1,
    'SendAmnestyNotice',
    { communeCode: 'xa-an-khanh', sentOn: '2024-09-30', notice: doc('310/TB-TG', '2024-09-30') },
    '2024-09-30',
  );
  dossier(
    D1,
    'RecordRelease',
    { releasedOn: '2024-10-01', reintegrationFundVnd: 1_000_000, travelAllowanceVnd: 300_000 },
    '2024-10-01',
  );
  dossier(
    D1,
    'IssueCertificate',
    {
      certificate: doc('957-0001/GCN', '2024-10-01'),
      issuedOn: '2024-10-01',
      reportToCommuneBy: '2024-10-11',
      destinationCommune: 'xa-an-khanh',
    },
    '2024-10-01',
  );
});

describe('the provincial 2024 round (QĐ 758/2024/QĐ-CTN)', () => {
  it('assesses every dossier with explained rules: two eligible, two excluded by the round’s own list', () => {
    const eligible = [D1, D2, D3, D4].map(
      (d) =>
        (
          log.events('dossier', d).find((e) => e.type === 'EligibilityAssessed')?.data as {
            eligible: boolean;
          }
        ).eligible,
    );
    expect(eligible).toEqual([true, false, false, true]);
  });

  it('resolves one complaint inside its window, and refuses one lodged after the window closed', () => {
    expect(log.state('dossier', D2)).toMatchObject({ eligible: true, complaint: { outcome: 'ACCEPTED' } });
    expect(lateComplaint).toBeInstanceOf(DomainRefusal);
    expect(lateComplaint).toMatchObject({
      rule: 'dossier.complaint-window',
      basis: { source: 'LĐX', article: '36(3)' },
    });
    expect(log.state('dossier', D3)).toMatchObject({ complaint: null });
  });

  it('lets an aggravating protest disqualify a dossier that was eligible', () => {
    expect(log.state('dossier', D4)).toMatchObject({
      status: 'not-granted',
      disqualified: 'AGGRAVATING_CASSATION_OR_REOPENING_PROTEST',
    });
  });

  it('grants and releases those the President named, and the certificate opens the expected case at the destination commune', () => {
    expect([D1, D2, D3, D4].map((d) => log.state('dossier', d).status)).toEqual([
      'granted',
      'granted',
      'not-granted',
      'not-granted',
    ]);
    const certificate = log.events('dossier', D1).find((e) => e.type === 'AmnestyCertificateIssued')
      ?.data as Parameters<typeof expectedCaseFromCertificate>[0]['certificate'];
    const caseId = id(2, 2024);
    log.run('case', caseId, {
      type: 'ReceiveReleaseNotice',
      data: expectedCaseFromCertificate({
        caseId,
        roundId: ROUND,
        person: person(1),
        certificate,
        releasedOn: '2024-10-01',
        receivedOn: '2024-10-01',
      }),
      meta: by('commune-police', 'xa-an-khanh/cong-an', '2024-10-01'),
    });
    expect(log.state('case', caseId)).toMatchObject({
      status: 'expected',
      communeCode: 'xa-an-khanh',
      source: 'AMNESTY',
      reportBy: '2024-10-11',
      residence: { verifyBy: '2024-10-04' },
    });
    expect(log.events('case', caseId)[0]?.data).toMatchObject({ roundId: ROUND });
  });
});
