import { describe, expect, it } from 'vitest';
import type { CommandMeta } from '../shared/command.js';
import type { Role } from '../shared/roles.js';
import { givenWhenThen } from '../testing/givenWhenThen.js';
import type { TaskEvent } from './events.js';
import {
  TASK_RULES,
  decideTask,
  evolveTask,
  initialTaskState,
  type TaskCommand,
  type TaskState,
} from './task.js';

const given = givenWhenThen<TaskCommand, TaskEvent, TaskState>({
  decide: decideTask,
  evolve: evolveTask,
  initialState: initialTaskState,
});
const meta = (role: Role, unit: string): CommandMeta => ({
  actor: `u-${role}`,
  role,
  unit,
  now: '2025-08-01T02:00:00Z',
});
const TASK = '0192f5c4-0000-7000-8000-0000000000c1';
const PLAN = '0192f5c4-0000-7000-8000-0000000000b1';
const plan = { issuerUnit: 'ubnd-xa-an-khanh', taskGroups: [1, 2, 3, 4, 5, 6] };
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
    plan,
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
