import { beforeAll, describe, expect, it } from 'vitest';
import {
  descendantsAt,
  evolveOrgUnits,
  initialOrgUnitsState,
  type OrgUnitEvent,
  decideCase,
  decideTask,
  evolveCase,
  evolveTask as evolveTaskState,
  initialCaseState,
  initialTaskState,
  type CaseCommand,
  type CaseEvent,
  type CommandMeta,
  type Role,
  type TaskCommand,
  type TaskEvent,
} from '@dacxa/domain';
import { getInMemoryEventStore } from '@dacxa/event-store';
import { createProjectionEngine, type ProjectionEngine } from '../engine/projectionEngine.js';
import { getInMemoryDocumentStore } from '../inMemoryDocumentStore.js';
import { caseFilesProjection } from './caseFiles.js';
import { tasksProjection } from './tasks.js';

// Invented people in two invented communes, driven through the domain's own deciders.
const events = getInMemoryEventStore();
const documents = getInMemoryDocumentStore();
let engine: ProjectionEngine;
const by = (role: Role, unit: string, on: string): CommandMeta => ({
  actor: `u-${role}`,
  role,
  unit,
  now: `${on}T02:00:00Z`,
});
const doc = (number: string, date: string, form?: string) => ({ number, date, ...(form ? { form } : {}) });
const id = (n: number) => `0192f5c4-0000-7000-8000-${String(n).padStart(12, '0')}`;

async function onCase(
  caseId: string,
  ...commands: Array<{ type: CaseCommand['type']; data: unknown; meta: CommandMeta }>
): Promise<void> {
  const history: CaseEvent[] = [];
  for await (const e of events.readStream(`case-${caseId}`))
    history.push({ type: e.type, data: e.data } as CaseEvent);
  for (const command of commands) {
    const produced = decideCase(command as CaseCommand, history.reduce(evolveCase, initialCaseState));
    await events.append(
      `case-${caseId}`,
      produced.map((e) => ({
        type: e.type,
        data: e.data,
        metadata: { actor: command.meta.actor, role: command.meta.role, unit: command.meta.unit },
      })),
    );
    history.push(...produced);
  }
}

// The plan the tasks belong to, as the handler would load it from its stream.
const PLAN = {
  stream: `plan-${id(9)}`,
  revision: 0,
  state: {
    status: 'issued' as const,
    planId: id(9),
    plan: { number: '13/KH-UBND', date: '2025-07-28' },
    level: 'COMMUNE' as const,
    issuedOn: '2025-07-28',
    parentPlanId: null,
    issuerUnit: 'xa-a',
    taskGroups: [1, 5],
    reportDue: '2025-09-05',
    reportChannel: 'xa-a/cong-an',
    commendations: {},
  },
};

async function onTask(taskId: string, command: TaskCommand): Promise<void> {
  const history: TaskEvent[] = [];
  for await (const e of events.readStream(`task-${taskId}`))
    history.push({ type: e.type, data: e.data } as TaskEvent);
  const produced = decideTask(command, history.reduce(evolveTaskState, initialTaskState), { plan: PLAN });
  await events.append(
    `task-${taskId}`,
    produced.map((e) => ({
      type: e.type,
      data: e.data,
      metadata: { actor: command.meta.actor, role: command.meta.role, unit: command.meta.unit },
    })),
  );
}

function notice(n: number, commune: string) {
  return {
    type: 'ReceiveReleaseNotice' as const,
    data: {
      caseId: id(n),
      person: { personId: id(100 + n), fullName: `Người giả định ${n}`, birthDate: '1990' },
      source: 'AMNESTY' as const,
      communeCode: commune,
      releaseDate: '2025-09-01',
      reportBy: '2025-09-10',
      receivedOn: '2025-08-29',
      notice: doc(`${n}/TB`, '2025-08-29'),
    },
    meta: by('commune-police', commune, '2025-08-29'),
  };
}
const receive = (commune: string, on: string) => ({
  type: 'ReceivePerson' as const,
  data: {
    reportedOn: on,
    certificate: doc('GCN', '2025-09-01'),
    minutes: doc('BB', on, 'HCD-05'),
    commitmentSigned: true,
  },
  meta: by('commune-police', commune, on),
});
const supervisor = { kind: 'PERSON' as const, ref: 'u-th', name: 'Trưởng thôn (giả định)' };

beforeAll(async () => {
  await onCase(
    id(1),
    notice(1, 'xa-a'),
    receive('xa-a', '2025-09-02'),
    {
      type: 'ProposeSupervisor',
      data: { supervisor, proposedOn: '2025-09-03', proposal: doc('P', '2025-09-03', 'HCD-06') },
      meta: by('commune-police', 'xa-a', '2025-09-03'),
    },
    {
      type: 'GiveFrontSupervisorOpinion',
      data: { supervisor, agrees: true, givenOn: '2025-09-03', document: doc('MT', '2025-09-03') },
      meta: by('fatherland-front', 'xa-a/mat-tran', '2025-09-03'),
    },
    {
      type: 'AssignSupervisor',
      data: { supervisor, decision: doc('D', '2025-09-04', 'HCD-07'), decidedOn: '2025-09-04' },
      meta: by('commune-chair', 'xa-a', '2025-09-04'),
    },
    {
      type: 'OpenManagementFile',
      data: { fileNo: 'NV-1', openedOn: '2025-09-05' },
      meta: by('commune-police', 'xa-a', '2025-09-05'),
    },
    {
      type: 'ClassifyPerson',
      data: { group: 'A', quarter: '2025-Q3', classifiedOn: '2025-10-02' },
      meta: by('commune-police', 'xa-a', '2025-10-02'),
    },
    {
      type: 'LogVisit',
      data: { visitedOn: '2025-10-05', place: 'HOME', findings: 'Ổn định', concerns: [] },
      meta: by('commune-police', 'xa-a', '2025-10-05'),
    },
  );
  await onCase(id(2), notice(2, 'xa-a'), receive('xa-a', '2025-09-03'), {
    type: 'ClassifyPerson',
    data: { group: 'C', quarter: '2025-Q3', classifiedOn: '2025-10-02' },
    meta: by('commune-police', 'xa-a', '2025-10-02'),
  });
  await onCase(id(3), notice(3, 'xa-b'));
  await onTask(id(10), {
    type: 'AssignTask',
    data: {
      taskId: id(10),
      planId: id(9),
      group: 1,
      leadUnit: 'xa-a/cong-an',
      coordinatingUnits: [],
      requestType: 'ASSIGN',
      description: 'Tiếp nhận',
      dueDate: '2025-09-04',
      assignedOn: '2025-07-28',
    },
    meta: by('commune-chair', 'xa-a', '2025-07-28'),
  });
  await onTask(id(11), {
    type: 'AssignTask',
    data: {
      taskId: id(11),
      planId: id(9),
      group: 5,
      leadUnit: 'xa-a/mat-tran',
      coordinatingUnits: [],
      requestType: 'REQUEST',
      description: 'Đề nghị Mặt trận',
      dueDate: '2025-09-04',
      assignedOn: '2025-07-28',
    },
    meta: by('commune-chair', 'xa-a', '2025-07-28'),
  });
  engine = createProjectionEngine({
    events,
    documents,
    projections: [caseFilesProjection, tasksProjection],
    lingerMs: 1,
  });
  engine.start();
  await engine.waitFor((await events.headPosition()) ?? 0n, 5000);
});

describe('case files', () => {
  const files = () => engine.collection('case-files', 'case_files');

  it('show each case’s stage, supervisor, group and last visit, the person still sealed as recorded', async () => {
    expect((await documents.get(files(), id(1)))?.doc).toMatchObject({
      status: 'supervised',
      communeCode: 'xa-a',
      group: 'A',
      visits: 1,
      lastVisitOn: '2025-10-05',
      fileOpenedOn: '2025-09-05',
      supervisor,
    });
    expect((await documents.get(files(), id(3)))?.doc).toMatchObject({
      status: 'expected',
      verifyBy: '2025-09-05',
      reportBy: '2025-09-10',
    });
  });

  it('count the caseload by commune and A/B/C/D group', async () => {
    expect(
      await documents.count(files(), { communeCode: 'xa-a', status: { in: ['received', 'supervised'] } }),
    ).toBe(2);
    expect(await documents.count(files(), { communeCode: 'xa-a', group: 'C' })).toBe(1);
    expect(await documents.count(files(), { communeCode: 'xa-b' })).toBe(1);
  });

  it('answer the SLA board against the day asked about: files not opened in time, people not yet verified', async () => {
    const today = '2025-09-15';
    const lateFiles = await documents.find(files(), {
      where: { fileDueBy: { lt: today }, fileOpenedOn: null },
    });
    expect(lateFiles.items.map((d) => d.id)).toEqual([id(2)]);
    const arrivals = await documents.find(files(), {
      where: { status: 'expected', verifyBy: { lt: today } },
    });
    expect(arrivals.items.map((d) => d.id)).toEqual([id(3)]);
  });
});

describe('caseload by province', () => {
  it('counts a province’s cases through the unit tree as it stood on the day asked about', async () => {
    const established = (code: string, kind: 'PROVINCE' | 'COMMUNE', parent: string | null) =>
      ({
        type: 'OrgUnitEstablished',
        data: { code, kind, name: code, parent, effectiveFrom: '2025-07-01' },
      }) as OrgUnitEvent;
    const tree = [
      established('tinh-x', 'PROVINCE', null),
      established('xa-a', 'COMMUNE', 'tinh-x'),
      established('xa-b', 'COMMUNE', 'tinh-x'),
    ].reduce(evolveOrgUnits, initialOrgUnitsState);
    const communes = descendantsAt(tree, 'tinh-x', '2025-09-15', ['COMMUNE']);
    expect(
      await documents.count(engine.collection('case-files', 'case_files'), { communeCode: { in: communes } }),
    ).toBe(3);
  });
});

describe('the task tracker', () => {
  it('shows orders overdue on the day asked about, and requests to independent bodies as awaiting a reply', async () => {
    const tasks = engine.collection('tasks', 'tasks');
    const overdue = await documents.find(tasks, {
      where: { requestType: 'ASSIGN', status: 'open', dueDate: { lt: '2025-09-10' } },
    });
    expect(overdue.items.map((d) => d.id)).toEqual([id(10)]);
    expect((await documents.find(tasks, { where: { awaitingReply: true } })).items.map((d) => d.id)).toEqual([
      id(11),
    ]);
  });
});
