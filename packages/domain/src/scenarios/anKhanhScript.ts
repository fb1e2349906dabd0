import type { CaseCommand } from '../reintegration/caseCommands.js';
import {
  CITY,
  CITY_POLICE,
  GRANT_DECISION_2025,
  PEOPLE,
  ROUND_DECISION_2025,
  TASK_GROUPS,
  UNITS,
  XA,
  by,
  id,
} from './anKhanhPlan.js';
import { VBSP_RATES_ID } from '../reintegration/vbspRateEvents.js';
import type { ScenarioRunner } from './scenarioLog.js';

/** VBSP's head office, a national unit of the demo tree (services/api/src/seedDemo.ts). */
const VBSP_HEAD_OFFICE = 'nhcsxh';

// Plan 13/KH-UBND of An Khánh commune (seeds/000…), played end to end with invented people: the
// scenario test asserts on it and the demo seed records it.
export const AN_KHANH_PLAN = id(1, 1);
/** Hải Phòng's plan 1958/UBND-NC, which plan 13 implements. */
export const CITY_PLAN = id(1, 2);
export const anKhanhCaseId = (n: number) => id(2, n);
export const anKhanhPersonId = (n: number) => id(3, n);
/** The case the transfer opens in Lê Chân ward. */
export const TRANSFERRED_CASE = id(2, 99);
const doc = (number: string, date: string, form?: string) => ({ number, date, ...(form ? { form } : {}) });
/** The person the chair assigns to manage, supervise, educate and help case n (TT10 10(1)): invented. */
export const supervisorOf = (n: number) => ({
  kind: 'PERSON' as const,
  ref: `u-giup-do-${n}`,
  name: `Người được giao quản lý, giám sát, giáo dục, giúp đỡ số ${n} (giả định)`,
});
const nameOf = (n: number) => PEOPLE[n - 1] ?? `Người Giả Định ${n}`;

/** How far each extra person has come: expected, received, supervised, visited. */
type Stage = 'expected' | 'received' | 'supervised' | 'visited';
const STAGES: readonly Stage[] = ['expected', 'received', 'supervised', 'visited'];

export async function runAnKhanh(runner: ScenarioRunner, options: { people?: number } = {}): Promise<void> {
  const people = Math.max(5, options.people ?? 5);
  const onCase = (n: number, type: CaseCommand['type'], data: unknown, meta: ReturnType<typeof by>) =>
    runner.run('case', anKhanhCaseId(n), { type, data, meta } as CaseCommand);

  async function issueCityPlan(): Promise<void> {
    await runner.run('plan', CITY_PLAN, {
      type: 'IssuePlan',
      data: {
        planId: CITY_PLAN,
        plan: doc('1958/UBND-NC', '2025-07-23'),
        title: 'Triển khai thực hiện công tác đặc xá năm 2025',
        level: 'PROVINCE',
        issuerUnit: CITY,
        legalBases: [doc(ROUND_DECISION_2025.number, ROUND_DECISION_2025.date)],
        // Only what plan 13 shows of it: the city plan's own sections are not in the seed.
        taskGroups: [{ no: 1, title: 'Ủy ban nhân dân các xã, phường, đặc khu' }],
        reportChannel: CITY_POLICE,
        // The city's own due date is not in the seed: an invented one, after the commune's.
        reportDue: '2025-09-10',
        issuedOn: '2025-07-23',
      },
      meta: by('provincial-committee', CITY, '2025-07-23'),
    });
  }

  async function issuePlanAndTasks(): Promise<void> {
    await issueCityPlan();
    await runner.run('plan', AN_KHANH_PLAN, {
      type: 'IssuePlan',
      data: {
        planId: AN_KHANH_PLAN,
        plan: doc('13/KH-UBND', '2025-07-28'),
        title: 'Triển khai thực hiện công tác đặc xá năm 2025',
        level: 'COMMUNE',
        issuerUnit: XA,
        // The city plan of UBND thành phố Hải Phòng that this commune plan implements: a link to
        // its stream, whose paper (1958/UBND-NC, 23/07/2025) the decider copies.
        parentPlanId: CITY_PLAN,
        // The seed writes the round decision "1244/QĐ-CTN"; the demo writes it one way, with its year.
        legalBases: [
          doc(ROUND_DECISION_2025.number, ROUND_DECISION_2025.date),
          doc('49/2020/NĐ-CP', '2020-04-17'),
          doc('22/2023/QĐ-TTg', '2023-08-17'),
          doc('17/CT-UBND', '2021-07-05'),
        ],
        taskGroups: TASK_GROUPS.map(({ no, title }) => ({ no, title })),
        reportChannel: UNITS.police,
        reportDue: '2025-09-04',
        issuedOn: '2025-07-28',
      },
      meta: by('commune-chair', XA, '2025-07-28'),
    });
    for (const group of TASK_GROUPS) {
      await runner.run('task', id(4, group.no), {
        type: 'AssignTask',
        data: {
          taskId: id(4, group.no),
          planId: AN_KHANH_PLAN,
          group: group.no,
          leadUnit: group.lead,
          coordinatingUnits: group.no === 1 ? [UNITS.front] : [UNITS.police],
          requestType: group.type,
          description: group.title,
          ...(group.type === 'ASSIGN' ? { dueDate: '2025-09-04' } : {}),
          assignedOn: '2025-07-28',
        },
        meta: by('commune-chair', XA, '2025-07-28'),
      });
    }
  }

  async function receive(n: number, stage: Stage): Promise<void> {
    // The facility's notice follows the grant decision of 29/08/2025, never precedes it.
    const noticeOn = GRANT_DECISION_2025.date;
    const police = by('commune-police', UNITS.police, noticeOn);
    await onCase(
      n,
      'ReceiveReleaseNotice',
      {
        caseId: anKhanhCaseId(n),
        person: { personId: anKhanhPersonId(n), fullName: nameOf(n), birthDate: `${1980 + (n % 20)}` },
        source: 'AMNESTY',
        communeCode: XA,
        releaseDate: '2025-09-01',
        reportBy: '2025-09-10',
        receivedOn: noticeOn,
        notice: doc(`${200 + n}/TB-TG`, noticeOn),
      },
      police,
    );
    await onCase(
      n,
      'VerifyResidence',
      {
        address: { communeCode: XA, village: `Thôn ${1 + (n % 6)}` },
        verifiedOn: noticeOn,
        familyContacted: true,
      },
      police,
    );
    if (stage === 'expected') return;
    const reportedOn = n <= 5 ? `2025-09-0${1 + n}` : '2025-09-05';
    await onCase(
      n,
      'ReceivePerson',
      {
        reportedOn,
        certificate: doc(`1693-${n}/GCN`, '2025-09-01'),
        reportBy: '2025-09-10',
        minutes: doc(`${n}/BB-CAX`, reportedOn, 'HCD-05'),
        commitmentSigned: true,
      },
      by('commune-police', UNITS.police, reportedOn),
    );
    if (stage === 'received') return;
    await onCase(
      n,
      'OpenManagementFile',
      { fileNo: `NV-${n}/2025`, openedOn: '2025-09-08' },
      by('commune-police', UNITS.police, '2025-09-08'),
    );
    await onCase(
      n,
      'ProposeSupervisor',
      {
        supervisor: supervisorOf(n),
        proposedOn: '2025-09-05',
        proposal: doc(`${n}/BC-CAX`, '2025-09-05', 'HCD-06'),
      },
      by('commune-police', UNITS.police, '2025-09-05'),
    );
    // The commune's Front agrees to the person proposed before the chair decides (TT10 10(1)).
    await onCase(
      n,
      'GiveFrontSupervisorOpinion',
      {
        supervisor: supervisorOf(n),
        agrees: true,
        givenOn: '2025-09-08',
        document: doc(`${n}/MTTQ`, '2025-09-08'),
      },
      by('fatherland-front', UNITS.front, '2025-09-08'),
    );
    await onCase(
      n,
      'AssignSupervisor',
      {
        supervisor: supervisorOf(n),
        decision: doc(`${40 + n}/QĐ-UBND`, '2025-09-09', 'HCD-07'),
        decidedOn: '2025-09-09',
      },
      by('commune-chair', XA, '2025-09-09'),
    );
    if (stage === 'visited') await visit(n);
  }

  async function visit(n: number): Promise<void> {
    await onCase(
      n,
      'LogVisit',
      { visitedOn: '2025-09-15', place: 'HOME', findings: 'Ổn định, đã có việc làm thời vụ', concerns: [] },
      by('supervisor', XA, '2025-09-15', supervisorOf(n).ref),
    );
  }

  async function reportsThroughPolice(): Promise<void> {
    for (const group of TASK_GROUPS.filter((g) => g.no !== 1)) {
      const reportId = id(5, group.no);
      await runner.run('report', reportId, {
        type: 'RequestReport',
        data: {
          reportId,
          template: 'PLAN_RESULT',
          period: 'Đặc xá 2025 (đợt 2)',
          reportingUnit: group.lead,
          recipientUnit: XA,
          channelUnit: UNITS.police,
          dueDate: '2025-09-04',
          requestedOn: '2025-07-28',
          planId: AN_KHANH_PLAN,
        },
        meta: by('commune-chair', XA, '2025-07-28'),
      });
      const submittedOn = group.no === 4 ? '2025-09-08' : '2025-09-03';
      if (group.no === 4)
        await runner.run('report', reportId, {
          type: 'MarkReportOverdue',
          data: { detectedOn: '2025-09-05' },
          meta: by('system', 'system', '2025-09-05'),
        });
      await runner.run('report', reportId, {
        type: 'SubmitReport',
        data: { submittedOn, document: doc(`${group.no}/BC`, submittedOn) },
        meta: by(group.role, group.lead, submittedOn),
      });
      await runner.run('report', reportId, {
        type: 'AcceptReport',
        data: { acceptedOn: submittedOn },
        meta: by('commune-police', UNITS.police, submittedOn),
      });
    }
  }

  async function transferCaseFour(): Promise<void> {
    await onCase(
      4,
      'NotifyResidenceChange',
      { toCommune: 'phuong-le-chan', notifiedOn: '2025-10-01' },
      by('commune-police', UNITS.police, '2025-10-01'),
    );
    await onCase(
      4,
      'TransferCaseOut',
      { toCommune: 'phuong-le-chan', sentOn: '2025-10-02', transmittal: doc('15/CV-CAX', '2025-10-02') },
      by('commune-police', UNITS.police, '2025-10-02'),
    );
    // Lê Chân names the file it received; where it was sent from, and whether, is read from case 4.
    await runner.run('case', TRANSFERRED_CASE, {
      type: 'ReceiveTransferredCase',
      data: {
        caseId: TRANSFERRED_CASE,
        fromCaseId: anKhanhCaseId(4),
        person: { personId: anKhanhPersonId(4), fullName: nameOf(4), birthDate: '1984' },
        receivedOn: '2025-10-06',
      },
      meta: by('commune-police', 'phuong-le-chan/cong-an', '2025-10-06'),
    });
    await onCase(
      4,
      'ProposeClosure',
      {
        reason: 'MOVED',
        evidence: doc('15/CV-CAX', '2025-10-02'),
        evidenceKind: 'TRANSMITTAL',
        proposedOn: '2025-10-07',
      },
      by('commune-police', UNITS.police, '2025-10-07'),
    );
    await onCase(
      4,
      'CloseCase',
      { reason: 'MOVED', decision: doc('60/QĐ-UBND', '2025-10-08', 'HCD-11'), closedOn: '2025-10-08' },
      by('commune-chair', XA, '2025-10-08'),
    );
  }

  await issuePlanAndTasks();
  for (let n = 1; n <= 5; n++) await receive(n, 'supervised');
  for (let n = 6; n <= people; n++) await receive(n, STAGES[n % STAGES.length]!);
  for (let n = 1; n <= 5; n++) await visit(n);
  // VBSP's head office records the poor-household rate in force; the commune police lists who may borrow (Mẫu 01).
  await runner.run('vbsp-rates', VBSP_RATES_ID, {
    type: 'SetVbspLendingRate',
    data: {
      programme: 'POOR_HOUSEHOLD',
      ratePercentPerYear: 6.6,
      effectiveFrom: '2019-01-01',
      decision: doc('01/TB-NHCS (giả định)', '2018-12-20'),
    },
    meta: by('vbsp', VBSP_HEAD_OFFICE, '2025-10-01'),
  });
  await runner.run('loan-list', id(7, 1), {
    type: 'DrawUpLoanEligibilityList',
    data: {
      listId: id(7, 1),
      communeCode: XA,
      month: '2025-10',
      list: doc('01/DS-UBND', '2025-10-03', 'Mẫu 01'),
      drawnUpOn: '2025-10-03',
      entries: [{ caseId: anKhanhCaseId(2), personId: anKhanhPersonId(2) }],
    },
    meta: by('commune-police', UNITS.police, '2025-10-03'),
  });
  await onCase(
    2,
    'ApplyForLoan',
    {
      loanId: id(6, 1),
      purpose: 'BUSINESS',
      amountRequested: 50_000_000,
      termMonths: 36,
      appliedOn: '2025-10-06',
      viaHousehold: true,
      communeConfirmation: doc('01/DS-UBND', '2025-10-05', 'Mẫu 01'),
      household: { borrower: 'PERSON', ground: 'REPRESENTS_HOUSEHOLD' },
      eligibilityListId: id(7, 1),
      otherProgrammeDebt: {
        checkedOn: '2025-10-06',
        outstandingSamePurpose: 0,
        statement: doc('15/NHCS-XN', '2025-10-06'),
      },
    },
    by('commune-police', UNITS.police, '2025-10-06'),
  );
  await onCase(
    2,
    'ApproveLoan',
    {
      loanId: id(6, 1),
      amount: 50_000_000,
      termMonths: 36,
      ratePercentPerYear: 6.6,
      approvedOn: '2025-10-20',
    },
    by('vbsp', XA, '2025-10-20'),
  );
  await onCase(
    3,
    'RecordViolation',
    {
      kind: 'ADMINISTRATIVE',
      occurredOn: '2025-10-12',
      handling: 'WARNING',
      description: 'Gây mất trật tự nơi công cộng',
    },
    by('commune-police', UNITS.police, '2025-10-12'),
  );
  await transferCaseFour();
  await reportsThroughPolice();
  for (const group of TASK_GROUPS.filter((g) => g.type === 'ASSIGN')) {
    await runner.run('task', id(4, group.no), {
      type: 'CompleteTask',
      data: { completedOn: '2025-09-03', evidence: [doc(`${group.no}/BC`, '2025-09-03')] },
      meta: by(group.role, group.lead, '2025-09-03'),
    });
  }
}
