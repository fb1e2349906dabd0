import { describe, expect, it } from 'vitest';
import type { CommandMeta } from '../shared/command.js';
import type { Role } from '../shared/roles.js';
import { evolvePlan, initialPlanState } from '../plan/plan.js';
import type { PlanEvent } from '../plan/events.js';
import { givenWhenThen } from '../testing/givenWhenThen.js';
import { loaded } from '../testing/loaded.js';
import { evolveOrgUnits, initialOrgUnitsState } from '../orgUnits/registry.js';
import { taskContext } from './context.js';
import type { TaskEvent } from './events.js';
import {
  TASK_RULES,
  decideTask,
  evolveTask,
  initialTaskState,
  type TaskCommand,
  type TaskContext,
  type TaskState,
} from './task.js';

const TASK = '0192f5c4-0000-7000-8000-0000000000c1';
const PLAN = '0192f5c4-0000-7000-8000-0000000000b1';
/** A plan's stream with the plan as its issuer recorded it: six task groups. */
const planBy = (issuerUnit: string): TaskContext => {
  const issued: PlanEvent = {
    type: 'ImplementationPlanIssued',
    data: {
      planId: PLAN,
      plan: { number: '13/KH-UBND', date: '2025-07-28' },
      title: 'Triển khai thực hiện công tác đặc xá năm 2025',
      level: 'COMMUNE',
      issuerUnit,
      legalBases: [],
      taskGroups: [1, 2, 3, 4, 5, 6].map((no) => ({ no, title: `Nhóm ${no}` })),
      reportChannel: 'ca-xa-an-khanh',
      reportDue: '2025-09-04',
      issuedOn: '2025-07-28',
    },
  };
  return { plan: loaded(`plan-${PLAN}`, { evolve: evolvePlan, initial: initialPlanState }, [issued]) };
};
const given = givenWhenThen<TaskCommand, TaskEvent, TaskState, TaskContext>({
  decide: decideTask,
  evolve: evolveTask,
  initialState: initialTaskState,
  context: planBy('ubnd-xa-an-khanh'),
});
const meta = (role: Role, unit: string): CommandMeta => ({
  actor: `u-${role}`,
  role,
  unit,
  now: '2025-08-01T02:00:00Z',
});
const assign = (requestType: 'ASSIGN' | 'REQUEST', leadUnit = 'ca-xa-an-khanh'): TaskCommand => ({
  type: 'AssignTask',
  data: {
    taskId: TASK,
    planId: PLAN,
    group: requestType === 'ASSIGN' ? 1 : 5,
    leadUnit,
    coordinatingUnits: ['phong-vhxh-an-khanh'],
    requestType,
    description: 'Tiếp nhận, quản lý người được đặc xá',
    dueDate: '2025-09-05',
    assignedOn: '2025-07-28',
  },
  meta: meta('commune-chair', 'ubnd-xa-an-khanh'),
});
const assigned = (requestType: 'ASSIGN' | 'REQUEST', leadUnit?: string): TaskEvent[] =>
  given()
    .when(assign(requestType, leadUnit))
    .then(() => undefined);

describe('tasks', () => {
  it('are assigned by the plan’s issuer, within one of its task groups', () => {
    given()
      .when({ ...assign('ASSIGN'), meta: meta('commune-police', 'ca-xa-an-khanh') })
      .thenRefuses(TASK_RULES.assigner);
    const wrongGroup = assign('ASSIGN');
    given()
      .when({ ...wrongGroup, data: { ...wrongGroup.data, group: 9 } } as TaskCommand)
      .thenRefuses(TASK_RULES.group);
  });

  it('record the issuer of the plan as the plan’s stream has it', () => {
    given()
      .when(assign('ASSIGN'))
      .then((e) => expect(e[0]?.data).toMatchObject({ planId: PLAN, issuerUnit: 'ubnd-xa-an-khanh' }));
  });

  it('refuse one commune adding a task to another commune’s plan', () => {
    const otherCommunesPlan = planBy('ubnd-xa-minh-hoa');
    given().when(assign('ASSIGN'), otherCommunesPlan).thenRefuses(TASK_RULES.assigner);
  });

  it('refuse an order to a court, a procuracy or the Front: the commune can only request (đề nghị)', () => {
    const units = evolveOrgUnits(initialOrgUnitsState, {
      type: 'OrgUnitEstablished',
      data: {
        code: 'mttq-xa-an-khanh',
        name: 'Ủy ban Mặt trận Tổ quốc xã An Khánh (giả định)',
        kind: 'FRONT',
        parent: null,
        effectiveFrom: '2025-07-01',
      },
    } as never);
    const withUnits: TaskContext = { ...planBy('ubnd-xa-an-khanh'), units };
    given().when(assign('ASSIGN', 'mttq-xa-an-khanh'), withUnits).thenRefuses(TASK_RULES.independentBody);
    given()
      .when(assign('REQUEST', 'mttq-xa-an-khanh'), withUnits)
      .then((e) => expect(e[0]?.type).toBe('TaskAssigned'));
  });

  it('refuse an assignment to a plan that was never issued', () => {
    const none: TaskContext = {
      plan: loaded(`plan-${PLAN}`, { evolve: evolvePlan, initial: initialPlanState }, []),
    };
    given().when(assign('ASSIGN'), none).thenRefuses(TASK_RULES.noPlan);
  });

  it('read the plan an assignment names from its stream, and nothing for other steps', async () => {
    const asked: string[] = [];
    const loader = {
      load: async (kind: string, id: string) => {
        asked.push(`${kind}-${id}`);
        return kind === 'plan'
          ? planBy('ubnd-xa-an-khanh').plan!
          : { stream: `${kind}-${id}`, version: 0, state: {} };
      },
      grantsOf: async () => [],
    } as unknown as Parameters<typeof taskContext>[1];
    expect((await taskContext(assign('ASSIGN'), loader)).plan?.state).toMatchObject({ status: 'issued' });
    const ack: TaskCommand = {
      type: 'AcknowledgeTask',
      data: { acknowledgedOn: '2025-07-29' },
      meta: meta('commune-police', 'ca'),
    };
    expect(await taskContext(ack, loader)).toEqual({ plan: null, units: null });
    expect(asked).toEqual([`plan-${PLAN}`, 'org-units-registry']);
  });

  it('are marked overdue by the system only', () => {
    const overdue = (role: Role): TaskCommand => ({
      type: 'MarkTaskOverdue',
      data: { detectedOn: '2025-09-06' },
      meta: meta(role, role === 'system' ? 'system' : 'thon-3'),
    });
    for (const role of ['village-head', 'commune-chair', 'commune-police', 'admin'] as const)
      given(assigned('ASSIGN')).when(overdue(role)).thenRefuses(TASK_RULES.overdueBySystem);
    given(assigned('ASSIGN'))
      .when(overdue('system'))
      .then((e) => expect(e[0]?.type).toBe('TaskOverdue'));
  });

  it('take progress from lead and coordinating units, and completion from the lead only', () => {
    const history = assigned('ASSIGN');
    given(history)
      .when({
        type: 'ReportTaskProgress',
        data: { reportedOn: '2025-08-15', percent: 50, note: 'Đã tiếp nhận 3 người', evidence: [] },
        meta: meta('commune-culture-office', 'phong-vhxh-an-khanh'),
      })
      .then((e) => expect(e).toHaveLength(1));
    given(history)
      .when({
        type: 'ReportTaskProgress',
        data: { reportedOn: '2025-08-15', note: 'x', evidence: [] },
        meta: meta('village-head', 'thon-9'),
      })
      .thenRefuses(TASK_RULES.notAssignee);
    const complete = (unit: string, completedOn: string): TaskCommand => ({
      type: 'CompleteTask',
      data: { completedOn, evidence: [{ number: '12/BC-CA', date: completedOn }] },
      meta: meta('commune-police', unit),
    });
    given(history)
      .when(complete('phong-vhxh-an-khanh', '2025-09-01'))
      .thenRefuses(TASK_RULES.onlyLeadCompletes);
    given(history)
      .when(complete('ca-xa-an-khanh', '2025-09-08'))
      .then((e) => expect(e[0]?.data).toMatchObject({ late: true }));
  });

  it('become overdue after their due date if they are orders, never if they are requests to an independent body', () => {
    const overdue = (detectedOn: string): TaskCommand => ({
      type: 'MarkTaskOverdue',
      data: { detectedOn },
      meta: meta('system', 'system'),
    });
    given(assigned('ASSIGN')).when(overdue('2025-09-05')).thenRefuses(TASK_RULES.notOverdue);
    given(assigned('ASSIGN'))
      .when(overdue('2025-09-06'))
      .then([{ type: 'TaskOverdue', data: { dueDate: '2025-09-05', detectedOn: '2025-09-06' } }]);
    given(assigned('REQUEST', 'mttq-xa-an-khanh'))
      .when(overdue('2025-09-30'))
      .thenRefuses(TASK_RULES.requestNotOverdue);
  });
});
