import { describe, it } from 'vitest';
import type { CommandMeta } from '../shared/command.js';
import type { Role } from '../shared/roles.js';
import { evolvePlan, initialPlanState } from '../plan/plan.js';
import { givenWhenThen } from '../testing/givenWhenThen.js';
import { loaded } from '../testing/loaded.js';
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

const PLAN = '0192f5c4-0000-7000-8000-0000000000b1';
const plan: TaskContext = {
  plan: loaded(`plan-${PLAN}`, { evolve: evolvePlan, initial: initialPlanState }, [
    {
      type: 'ImplementationPlanIssued',
      data: {
        planId: PLAN,
        plan: { number: '13/KH-UBND', date: '2025-07-28' },
        title: 'x',
        level: 'COMMUNE',
        issuerUnit: 'ubnd',
        legalBases: [],
        taskGroups: [{ no: 1, title: 'x' }],
        reportChannel: 'ca',
        reportDue: '2025-09-04',
        issuedOn: '2025-07-28',
      },
    },
  ]),
};
const given = givenWhenThen<TaskCommand, TaskEvent, TaskState, TaskContext>({
  decide: decideTask,
  evolve: evolveTask,
  initialState: initialTaskState,
  context: plan,
});
const meta = (role: Role, unit: string): CommandMeta => ({
  actor: 'u',
  role,
  unit,
  now: '2025-08-01T02:00:00Z',
});
const assign: TaskCommand = {
  type: 'AssignTask',
  data: {
    taskId: '0192f5c4-0000-7000-8000-0000000000c9',
    planId: PLAN,
    group: 1,
    leadUnit: 'ca',
    coordinatingUnits: [],
    requestType: 'ASSIGN',
    description: 'x',
    assignedOn: '2025-07-28',
  },
  meta: meta('commune-chair', 'ubnd'),
};
const ack: TaskCommand = {
  type: 'AcknowledgeTask',
  data: { acknowledgedOn: '2025-07-29' },
  meta: meta('commune-police', 'ca'),
};
const complete: TaskCommand = {
  type: 'CompleteTask',
  data: { completedOn: '2025-08-20', evidence: [{ number: '1/BC', date: '2025-08-20' }] },
  meta: meta('commune-police', 'ca'),
};

describe('task refusals', () => {
  it('refuses a second assignment, anything on a task that does not exist, and reports after completion', () => {
    const assigned = given()
      .when(assign)
      .then(() => undefined);
    given(assigned).when(assign).thenRefuses(TASK_RULES.exists);
    given().when(ack).thenRefuses(TASK_RULES.none);
    const completed = [
      ...assigned,
      ...given(assigned)
        .when(complete)
        .then(() => undefined),
    ];
    given(completed).when(ack).thenRefuses(TASK_RULES.completed);
  });
});
