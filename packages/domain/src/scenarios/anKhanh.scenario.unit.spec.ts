import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseCommand } from '../reintegration/caseCommands.js';
import { PEOPLE, TASK_GROUPS, UNITS, XA, by, id } from './anKhanhPlan.js';
import { scenarioLog } from './scenarioLog.js';

// Plan 13/KH-UBND of An Khánh commune (seeds/000…), replayed end to end with invented people.
const PLAN = id(1, 1);
const log = scenarioLog();
const doc = (number: string, date: string, form?: string) => ({ number, date, ...(form ? { form } : {}) });
const caseId = (n: number) => id(2, n);
const personId = (n: number) => id(3, n);
const supervisorOf = (n: number) => ({
  kind: 'PERSON' as const,
  ref: `u-giup-do-${n}`,
  name: `Người giúp đỡ ${n} (giả định)`,
});
const onCase = (n: number, type: CaseCommand['type'], data: unknown, meta: ReturnType<typeof by>) =>
  log.run('case', caseId(n), { type, data, meta } as CaseCommand);

function issuePlanAndTasks(): void {
  log.run('plan', PLAN, {
    type: 'IssuePlan',
    data: {
      planId: PLAN,
      plan: doc('13/KH-UBND', '2025-07-28'),
      title: 'Triển khai thực hiện công tác đặc xá năm 2025',
      level: 'COMMUNE',
      issuerUnit: XA,
      parent: doc('1958/UBND-NC', '2025-07-23', undefined),
      legalBases: [
        doc('1244/QĐ-CTN', '2025-07-03'),
        doc('22/2023/QĐ-TTg', '2023-08-17'),
        doc('49/2020/NĐ-CP', '2020-04-17'),
      ],
      taskGroups: TASK_GROUPS.map(({ no, title }) => ({ no, title })),
      reportChannel: UNITS.police,
      reportDue: '2025-09-04',
      issuedOn: '2025-07-28',
    },
    meta: by('commune-chair', XA, '2025-07-28'),
  });
  const plan = { issuerUnit: XA, taskGroups: TASK_GROUPS.map((g) => g.no) };
  for (const group of TASK_GROUPS) {
    log.run('task', id(4, group.no), {
      type: 'AssignTask',
      data: {
        taskId: id(4, group.no),
        planId: PLAN,
        group: group.no,
        leadUnit: group.lead,
        coordinatingUnits: group.no === 1 ? [UNITS.front] : [UNITS.police],
        requestType: group.type,
        description: group.title,
        ...(group.type === 'ASSIGN' ? { dueDate: '2025-09-04' } : {}),
        assignedOn: '2025-07-28',
        plan,
      },
      meta: by('commune-chair', XA, '2025-07-28'),
    });
  }
}

function receive(n: number): void {
  const police = by('commune-police', UNITS.police, '2025-08-29');
  onCase(
    n,
    'ReceiveReleaseNotice',
    {
      caseId: caseId(n),
      person: { personId: personId(n), fullName: PEOPLE[n - 1], birthDate: `${1980 + n}` },
      source: 'AMNESTY',
      communeCode: XA,
      releaseDate: '2025-09-01',
      reportBy: '2025-09-10',
      receivedOn: '2025-08-29',
      notice: doc(`${200 + n}/TB-TG`, '2025-08-28'),
    },
    police,
  );
  onCase(
    n,
    'VerifyResidence',
    { address: { communeCode: XA, village: `Thôn ${n}` }, verifiedOn: '2025-08-29', familyContacted: true },
    police,
  );
  const reportedOn = `2025-09-0${1 + n}`;
  onCase(
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
  onCase(
    n,
    'OpenManagementFile',
    { fileNo: `NV-${n}/2025`, openedOn: '2025-09-08' },
    by('commune-police', UNITS.police, '2025-09-08'),
  );
  onCase(
    n,
    'ProposeSupervisor',
    {
      supervisor: supervisorOf(n),
      proposedOn: '2025-09-05',
      proposal: doc(`${n}/BC-CAX`, '2025-09-05', 'HCD-06'),
    },
    by('commune-police', UNITS.police, '2025-09-05'),
  );
  onCase(
    n,
    'AssignSupervisor',
    {
      supervisor: supervisorOf(n),
      decision: doc(`${40 + n}/QĐ-UBND`, '2025-09-09', 'HCD-07'),
      decidedOn: '2025-09-09',
    },
    by('commune-chair', XA, '2025-09-09'),
  );
}

function reportsThroughPolice(): void {
  const reporting = TASK_GROUPS.filter((g) => g.no !== 1);
  for (const group of reporting) {
    const reportId = id(5, group.no);
    log.run('report', reportId, {
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
        planId: PLAN,
      },
      meta: by('commune-chair', XA, '2025-07-28'),
    });
    const submittedOn = group.no === 4 ? '2025-09-08' : '2025-09-03';
    if (group.no === 4)
      log.run('report', reportId, {
        type: 'MarkReportOverdue',
        data: { detectedOn: '2025-09-05' },
        meta: by('system', 'system', '2025-09-05'),
      });
    log.run('report', reportId, {
      type: 'SubmitReport',
      data: { submittedOn, document: doc(`${group.no}/BC`, submittedOn) },
      meta: by(group.role, group.lead, submittedOn),
    });
    log.run('report', reportId, {
      type: 'AcceptReport',
      data: { acceptedOn: submittedOn },
      meta: by('commune-police', UNITS.police, submittedOn),
    });
  }
}

beforeAll(() => {
  issuePlanAndTasks();
  for (let n = 1; n <= 5; n++) receive(n);
  for (let n = 1; n <= 5; n++) {
    onCase(
      n,
      'LogVisit',
      { visitedOn: '2025-09-15', place: 'HOME', findings: 'Ổn định, đã có việc làm thời vụ', concerns: [] },
      by('supervisor', XA, '2025-09-15', supervisorOf(n).ref),
    );
  }
  onCase(
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
    },
    by('commune-police', UNITS.police, '2025-10-06'),
  );
  onCase(
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
  onCase(
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
  onCase(
    4,
    'NotifyResidenceChange',
    { toCommune: 'phuong-le-chan', notifiedOn: '2025-10-01' },
    by('commune-police', UNITS.police, '2025-10-01'),
  );
  onCase(
    4,
    'TransferCaseOut',
    { toCommune: 'phuong-le-chan', sentOn: '2025-10-02', transmittal: doc('15/CV-CAX', '2025-10-02') },
    by('commune-police', UNITS.police, '2025-10-02'),
  );
  const origin = log.state('case', caseId(4));
  if (origin.status !== 'transferredOut') throw new Error('case 4 was not sent');
  log.run('case', id(2, 99), {
    type: 'ReceiveTransferredCase',
    data: {
      caseId: id(2, 99),
      fromCaseId: caseId(4),
      fromCommune: XA,
      person: { personId: personId(4), fullName: PEOPLE[3] as string, birthDate: '1984' },
      source: 'AMNESTY',
      releaseDate: '2025-09-01',
      receivedOn: '2025-10-06',
      origin: { status: origin.status, toCommune: origin.toCommune, sentOn: '2025-10-02' },
    },
    meta: by('commune-police', 'phuong-le-chan/cong-an', '2025-10-06'),
  });
  onCase(
    4,
    'ProposeClosure',
    { reason: 'MOVED', evidence: doc('15/CV-CAX', '2025-10-02'), proposedOn: '2025-10-07' },
    by('commune-police', UNITS.police, '2025-10-07'),
  );
  onCase(
    4,
    'CloseCase',
    { reason: 'MOVED', decision: doc('60/QĐ-UBND', '2025-10-08', 'HCD-11'), closedOn: '2025-10-08' },
    by('commune-chair', XA, '2025-10-08'),
  );
  reportsThroughPolice();
  for (const group of TASK_GROUPS.filter((g) => g.type === 'ASSIGN')) {
    log.run('task', id(4, group.no), {
      type: 'CompleteTask',
      data: { completedOn: '2025-09-03', evidence: [doc(`${group.no}/BC`, '2025-09-03')] },
      meta: by(group.role, group.lead, '2025-09-03'),
    });
  }
});

describe('An Khánh commune, plan 13/KH-UBND (2025, round 2)', () => {
  it('issues the plan under the city plan 1958/UBND-NC with its six task groups', () => {
    expect(log.state('plan', PLAN)).toMatchObject({
      status: 'issued',
      taskGroups: [1, 2, 3, 4, 5, 6],
      reportDue: '2025-09-04',
    });
    expect(log.events('plan', PLAN)[0]?.data).toMatchObject({
      parent: { number: '1958/UBND-NC', date: '2025-07-23' },
    });
  });

  it('completes the five orders and leaves the request to the Front awaiting, never overdue', () => {
    for (const group of TASK_GROUPS) {
      expect(log.state('task', id(4, group.no)).status).toBe(group.type === 'ASSIGN' ? 'completed' : 'open');
    }
    expect(() =>
      log.run('task', id(4, 5), {
        type: 'MarkTaskOverdue',
        data: { detectedOn: '2025-10-01' },
        meta: by('system', 'system', '2025-10-01'),
      }),
    ).toThrow(/awaited/);
  });

  it('receives five people, each with exactly one supervisor, and hands one over to Lê Chân ward', () => {
    const statuses = [1, 2, 3, 4, 5].map((n) => log.state('case', caseId(n)).status);
    expect(statuses).toEqual(['supervised', 'supervised', 'supervised', 'closed', 'supervised']);
    expect(log.state('case', caseId(4))).toMatchObject({ reason: 'MOVED' });
    expect(log.state('case', id(2, 99))).toMatchObject({
      status: 'received',
      communeCode: 'phuong-le-chan',
      supervisorDueBy: '2025-10-09',
    });
    expect(log.state('case', caseId(1))).toMatchObject({ supervisor: supervisorOf(1) });
  });

  it('records the visits, the approved loan and the violation', () => {
    expect(log.all().filter((e) => e.type === 'VisitLogged')).toHaveLength(5);
    expect(log.state('case', caseId(2))).toMatchObject({
      loans: { [id(6, 1)]: { purpose: 'BUSINESS', status: 'APPROVED' } },
    });
    expect(log.events('case', caseId(3)).map((e) => e.type)).toContain('ViolationRecorded');
  });

  it('takes the units’ reports through the commune police: four before 05/09/2025 and one late', () => {
    const submitted = log
      .all()
      .filter((e) => e.type === 'ReportSubmitted')
      .map((e) => (e.data as { late: boolean }).late);
    expect(submitted.filter((late) => !late)).toHaveLength(4);
    expect(submitted.filter((late) => late)).toHaveLength(1);
    expect(log.state('report', id(5, 4))).toMatchObject({ status: 'accepted', overdue: true });
  });
});
