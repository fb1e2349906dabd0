import { describe, it } from 'vitest';
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
  actor: 'u',
  role,
  unit,
  now: '2025-08-01T02:00:00Z',
});
const assign: TaskCommand = {
  type: 'AssignTask',
  data: {
    taskId: '0192f5c4-0000-7000-8000-0000000000c9',
    planId: '0192f5c4-0000-7000-8000-0000000000b1',
    group: 1,
    leadUnit: 'ca',
    coordinatingUnits: [],
    requestType: 'ASSIGN',
    description: 'x',
    assignedOn: '2025-07-28',
    plan: { issuerUnit: 'ubnd', taskGroups: [1] },
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
