import { expectedCaseFromCertificate } from '../dossier/openExpectedCase.js';
import type { DossierCommand } from '../dossier/commands.js';
import { KNOWN_ROUNDS } from '../round/knownRounds.js';
import type { RoundCommand } from '../round/commands.js';
import type { Role } from '../shared/roles.js';
import { XA, by, id } from './anKhanhPlan.js';
import type { ScenarioRunner } from './scenarioLog.js';

// The provincial plan for the 2024 round (seeds/004…): QĐ 758/2024/QĐ-CTN, HD 88/HD-HĐTVĐX,
// Công điện 76/CĐ-TTg; invented prisoners in the province's detention camp. The demo plays it in
// Hải Phòng, so the people it frees report to An Khánh.
export const ROUND_2024 = id(10, 2024);
const ROUND = ROUND_2024;
export const FACILITY = 'trai-giam-tinh';
export const [D1, D2, D3, D4] = [1, 2, 3, 4].map((n) => id(11, n)) as [string, string, string, string];
export const [ELIGIBLE, INELIGIBLE] = [id(12, 1), id(12, 2)];
const doc = (number: string, date: string) => ({ number, date });
export const prisoner = (n: number) => ({
  personId: id(13, n),
  fullName: `Phạm nhân giả định ${n}`,
  birthDate: `${1975 + (n % 20)}`,
});
/** The expected case a released dossier's certificate opens at An Khánh. */
export const caseOfDossier = (n: number) => id(2, 2000 + n);

export interface Province2024Options {
  /** The province whose round this is (its unit code); the demo seed's, Hải Phòng, unless named. */
  province?: string;
  /** Granted and released dossiers beyond the four of the scenario. */
  granted?: number;
  /** Petitions submitted and not yet assessed. */
  pending?: number;
  /** Open each released person's expected case at the destination commune, as its police would. */
  openCases?: boolean;
}

/**
 * The 2024 round through the province: decision, guidance, petitions, eligibility with its
 * explained rules, lists, complaints, appraisal, council, grant, release and certificates.
 * Returns the refusal of a complaint lodged after its window, which the script attempts on purpose.
 */
/** The unit each role acts for in this round: the province's own bodies, and the facility. */
const UNIT_OF: Partial<Record<Role, string>> = {
  'amnesty-subcommittee': 'ca-tinh',
  'provincial-police': 'ca-tinh',
  procuracy: 'vks-tinh',
  court: 'toa-an-tinh',
  'facility-warden': FACILITY,
  'civil-enforcement': 'thads-tinh',
};

/** The offences of each scenario dossier: two excluded by the round's own list, found from them. */
const OFFENCES: Record<
  number,
  { offences: string[]; offenceArticles: { article: string; intentional: boolean }[] }
> = {
  // Three crimes (the 2024 exclusion "từ 3 tội trở lên"), only one of them intentional.
  2: {
    offences: ['Trộm cắp tài sản', 'Vi phạm quy định về tham gia giao thông đường bộ', 'Vô ý làm chết người'],
    offenceArticles: [
      { article: '173', intentional: true },
      { article: '260', intentional: false },
      { article: '128', intentional: false },
    ],
  },
  // Two intentional crimes.
  3: {
    offences: ['Trộm cắp tài sản', 'Cố ý gây thương tích'],
    offenceArticles: [
      { article: '173', intentional: true },
      { article: '134', intentional: true },
    ],
  },
};
const THEFT = { offences: ['Trộm cắp tài sản'], offenceArticles: [{ article: '173', intentional: true }] };

export async function runProvince2024(
  runner: ScenarioRunner,
  options: Province2024Options = {},
): Promise<{ lateComplaint: unknown }> {
  const granted = Array.from({ length: options.granted ?? 0 }, (_, i) => id(11, 5 + i));
  const pending = Array.from({ length: options.pending ?? 0 }, (_, i) => id(11, 5 + granted.length + i));
  let lateComplaint: unknown = null;
  const round = (
    type: RoundCommand['type'],
    data: unknown,
    on: string,
    role: Role = 'amnesty-subcommittee',
  ) =>
    runner.run('round', ROUND, {
      type,
      data,
      meta: by(role, UNIT_OF[role] ?? 'ca-tinh', on),
    } as RoundCommand);
  const dossier = (
    d: string,
    type: DossierCommand['type'],
    data: unknown,
    on: string,
    role: Role = 'facility-warden',
  ) =>
    runner.run('dossier', d, { type, data, meta: by(role, UNIT_OF[role] ?? FACILITY, on) } as DossierCommand);

  async function petitionAndAssess(d: string, n: number, assess = true): Promise<void> {
    await dossier(
      d,
      'SubmitPetition',
      {
        dossierId: d,
        roundId: ROUND,
        person: prisoner(n),
        facilityId: FACILITY,
        submittedOn: '2024-08-12',
        commitmentSigned: true,
        priorConvictions: 0,
        sentence: {
          kind: 'FIXED',
          termMonths: 60,
          servedSince: '2021-01-15',
          excludedDays: 0,
          seriousListed: false,
          corruption: false,
          nationalSecurityListed: false,
          ...(OFFENCES[n] ?? THEFT),
        },
      },
      '2024-08-12',
    );
    await dossier(
      d,
      'ConfirmCivilObligations',
      { status: 'FULFILLED', finesAndFeesPaid: true, decision: doc(`${n}/XN-THADS`, '2024-08-13') },
      '2024-08-13',
      'civil-enforcement',
    );
    // The facility's classifications: the quarters before the 2024 window, and khá since 26/05/2024.
    for (const [quarter, ratedOn] of [
      ['2023-Q4', '2023-11-25'],
      ['2024-Q1', '2024-02-25'],
      ['2024-Q2', '2024-05-25'],
    ] as const)
      await dossier(
        d,
        'RecordConductRating',
        { period: 'QUARTER', quarter, rating: 'KHA', ratedOn, document: doc(`XL-${quarter}-${n}`, ratedOn) },
        '2024-08-13',
      );
    await dossier(
      d,
      'RecordConductRating',
      {
        period: 'SINCE_WINDOW',
        rating: 'KHA',
        ratedOn: '2024-08-14',
        document: doc(`XL-26/5-${n}`, '2024-08-14'),
      },
      '2024-08-14',
    );
    if (!assess) return;
    await dossier(
      d,
      'AssessEligibility',
      { assessedOn: '2024-08-15', securityConcern: false, newProsecution: false },
      '2024-08-15',
    );
  }

  async function release(d: string, n: number): Promise<void> {
    await dossier(
      d,
      'SendAmnestyNotice',
      { communeCode: XA, sentOn: '2024-09-30', notice: doc(`${309 + n}/TB-TG`, '2024-09-30') },
      '2024-09-30',
    );
    await dossier(
      d,
      'RecordRelease',
      { releasedOn: '2024-10-01', reintegrationFundVnd: 1_000_000, travelAllowanceVnd: 300_000 },
      '2024-10-01',
    );
    await dossier(
      d,
      'IssueCertificate',
      {
        certificate: doc(`957-${String(n).padStart(4, '0')}/GCN`, '2024-10-01'),
        issuedOn: '2024-10-01',
        reportToCommuneBy: '2024-10-11',
        destinationCommune: XA,
      },
      '2024-10-01',
    );
  }

  async function openExpectedCase(d: string, n: number): Promise<void> {
    const state = await runner.state('dossier', d);
    if (state.status !== 'granted') return;
    await runner.run('case', caseOfDossier(n), {
      type: 'ReceiveReleaseNotice',
      data: expectedCaseFromCertificate({
        caseId: caseOfDossier(n),
        roundId: ROUND,
        person: prisoner(n),
        certificate: {
          certificate: doc(`957-${String(n).padStart(4, '0')}/GCN`, '2024-10-01'),
          issuedOn: '2024-10-01',
          reportToCommuneBy: '2024-10-11',
          destinationCommune: XA,
        },
        releasedOn: '2024-10-01',
        receivedOn: '2024-10-01',
      }),
      meta: by('commune-police', `${XA}/cong-an`, '2024-10-01'),
    });
  }

  await round(
    'RecordRoundDecision',
    {
      roundId: ROUND,
      province: options.province ?? 'tp-hai-phong',
      decision: doc('758/2024/QĐ-CTN', '2024-07-30'),
      occasion: 'Kỷ niệm 79 năm Quốc khánh và 70 năm Giải phóng Thủ đô',
      amnestyDate: '2024-10-01',
      parameters: KNOWN_ROUNDS['2024']!.parameters,
    },
    '2024-07-30',
  );
  await round('RecordRoundAnnouncement', { announcedOn: '2024-07-31' }, '2024-07-31');
  await round(
    'RecordRoundGuidance',
    { guidance: doc('88/HD-HĐTVĐX', '2024-08-02'), milestones: [] },
    '2024-08-02',
  );
  await round('RecordPrimeMinisterDispatch', { dispatch: doc('76/CĐ-TTg', '2024-08-07') }, '2024-08-07');
  await round(
    'PostRoundDecisionAtFacility',
    { facilityId: FACILITY, postedOn: '2024-08-09' },
    '2024-08-09',
    'facility-warden',
  );
  await petitionAndAssess(D1, 1);
  await petitionAndAssess(D2, 2);
  await petitionAndAssess(D3, 3);
  await petitionAndAssess(D4, 4);
  for (const [i, d] of granted.entries()) await petitionAndAssess(d, 5 + i);
  // Late petitions: half assessed eligible and awaiting the next list, half not yet assessed.
  for (const [i, d] of pending.entries()) await petitionAndAssess(d, 5 + granted.length + i, i % 2 === 0);
  await round(
    'PostProposalList',
    {
      listId: ELIGIBLE,
      facilityId: FACILITY,
      kind: 'ELIGIBLE',
      dossierIds: [D1, D4, ...granted],
      postedOn: '2024-08-19',
    },
    '2024-08-19',
    'facility-warden',
  );
  await round(
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
  // The window closes 5 days after the ineligible list was posted: the decider reads it from the round.
  await dossier(
    D2,
    'LodgeComplaint',
    { complaintId: id(14, 2), lodgedOn: '2024-08-21', viaRepresentative: false },
    '2024-08-21',
  );
  await dossier(
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
    await dossier(
      D3,
      'LodgeComplaint',
      { complaintId: id(14, 3), lodgedOn: '2024-08-27', viaRepresentative: false },
      '2024-08-27',
    );
  } catch (error) {
    lateComplaint = error;
  }
  await dossier(
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
    await round(
      'NotifyProcuracyOfList',
      {
        listId: list,
        procuracyUnit: 'vks-tinh',
        sentOn: '2024-08-20',
        document: doc(list === ELIGIBLE ? '31/TB-TG' : '32/TB-TG', '2024-08-20'),
      },
      '2024-08-20',
      'facility-warden',
    );
  await round(
    'SendListsToAppraisal',
    {
      listIds: [ELIGIBLE, INELIGIBLE],
      teamId: id(15, 1),
      sentOn: '2024-08-28',
      document: doc('40/CV-TG', '2024-08-28'),
    },
    '2024-08-28',
    'facility-warden',
  );
  await round(
    'RecordAppraisalMinutes',
    {
      teamId: id(15, 1),
      eligible: [D1, D2, ...granted],
      ineligible: [D3, D4],
      minutes: doc('03/BB-TĐ', '2024-09-06'),
    },
    '2024-09-06',
  );
  await round(
    'SendFinalListsToCouncil',
    {
      eligible: [D1, D2, ...granted],
      ineligible: [D3, D4],
      sentOn: '2024-09-09',
      document: doc('45/CV-TG', '2024-09-09'),
    },
    '2024-09-09',
    'facility-warden',
  );
  await round(
    'RecordCouncilApproval',
    {
      meetingOn: '2024-09-20',
      approved: [D1, D2, ...granted],
      rejected: [D3, D4],
      document: doc('07/BB-HĐTVĐX', '2024-09-20'),
    },
    '2024-09-20',
  );
  await round(
    'RecordPresidentialOfficeReview',
    { reviewedOn: '2024-09-25', issues: [], document: doc('12/TTr-VPCTN', '2024-09-25') },
    '2024-09-25',
  );
  await round(
    'RecordGrantDecision',
    { decision: doc('957/QĐ-CTN', '2024-09-29'), effectiveFrom: '2024-10-01', granted: [D1, D2, ...granted] },
    '2024-09-29',
  );
  for (const d of [D1, D2, D3, D4, ...granted]) {
    const named = d !== D3 && d !== D4;
    await dossier(
      d,
      'RecordGrantOutcome',
      { outcome: named ? 'GRANTED' : 'NOT_GRANTED', grantDecision: doc('957/QĐ-CTN', '2024-09-29') },
      '2024-09-30',
      'amnesty-subcommittee',
    );
  }
  for (const [i, d] of [D1, ...granted].entries()) {
    await release(d, i === 0 ? 1 : 4 + i);
    if (options.openCases) await openExpectedCase(d, i === 0 ? 1 : 4 + i);
  }
  return { lateComplaint };
}
