import { z } from 'zod';
import type { Loaded } from '../catalogue/aggregate.js';
import { unitAt, type OrgUnitsState } from '../orgUnits/registry.js';
import type { PlanState } from '../plan/plan.js';
import { defineCommand, type CommandOf } from '../shared/command.js';
import { eventOf } from '../shared/defineEvent.js';
import { LocalDate } from '../shared/localDate.js';
import { defineRule, ensure, refuse } from '../shared/rules.js';
import * as e from './events.js';

export const AssignTask = defineCommand({
  type: 'AssignTask',
  label: { vi: 'Phân công nhiệm vụ', en: 'Assign a task' },
  // The plan's issuer and groups come from the plan's stream (TaskContext), never from the body.
  schema: e.TaskAssigned.schema.omit({ issuerUnit: true }),
});
export const AcknowledgeTask = defineCommand({
  type: 'AcknowledgeTask',
  label: { vi: 'Tiếp nhận nhiệm vụ', en: 'Acknowledge a task' },
  schema: e.TaskAcknowledged.schema,
});
export const ReportTaskProgress = defineCommand({
  type: 'ReportTaskProgress',
  label: { vi: 'Báo cáo tiến độ', en: 'Report progress' },
  schema: e.TaskProgressReported.schema,
});
export const CompleteTask = defineCommand({
  type: 'CompleteTask',
  label: { vi: 'Báo cáo hoàn thành', en: 'Complete a task' },
  schema: e.TaskCompleted.schema.omit({ late: true }),
});
export const MarkTaskOverdue = defineCommand({
  type: 'MarkTaskOverdue',
  label: { vi: 'Ghi nhận quá hạn', en: 'Mark a task overdue' },
  schema: z.object({ detectedOn: LocalDate }).strict(),
});
export const RaiseDifficulty = defineCommand({
  type: 'RaiseDifficulty',
  label: { vi: 'Báo cáo khó khăn, vướng mắc', en: 'Raise a difficulty' },
  schema: e.DifficultyRaised.schema,
});

export const TASK_COMMANDS = [
  AssignTask,
  AcknowledgeTask,
  ReportTaskProgress,
  CompleteTask,
  MarkTaskOverdue,
  RaiseDifficulty,
] as const;
export type TaskCommand = CommandOf<(typeof TASK_COMMANDS)[number]>;

interface TaskFacts {
  taskId: string;
  planId: string;
  /** The unit that issued the task's plan. */
  issuerUnit: string;
  leadUnit: string;
  coordinatingUnits: readonly string[];
  requestType: 'ASSIGN' | 'REQUEST';
  dueDate: string | null;
  acknowledged: boolean;
  overdue: boolean;
}

/** A task of a plan (DOMAIN.md §2d). */
export type TaskState =
  | { status: 'none' }
  | ({ status: 'open' } & TaskFacts)
  | ({ status: 'completed'; completedOn: string } & TaskFacts);
export const initialTaskState: TaskState = { status: 'none' };

/** What a task's decider reads from other streams: the plan, for an assignment. */
export interface TaskContext {
  plan: Loaded<PlanState> | null;
  /** The unit tree, for what kind of body leads an assigned task. */
  units?: OrgUnitsState | null;
}

/** Bodies a People's Committee cannot order: a task for them is a request (đề nghị), never an order. */
const INDEPENDENT: readonly string[] = ['COURT', 'PROCURACY', 'FRONT'];

export const TASK_RULES = {
  exists: defineRule({
    id: 'task.exists',
    kind: 'illegal-state',
    vi: 'Nhiệm vụ đã được phân công',
    en: 'The task already exists',
  }),
  none: defineRule({
    id: 'task.none',
    kind: 'illegal-state',
    vi: 'Chưa có nhiệm vụ này',
    en: 'There is no such task',
  }),
  completed: defineRule({
    id: 'task.completed',
    kind: 'illegal-state',
    vi: 'Nhiệm vụ đã hoàn thành',
    en: 'The task is already completed',
  }),
  noPlan: defineRule({
    id: 'task.plan-not-issued',
    kind: 'illegal-state',
    vi: 'Kế hoạch của nhiệm vụ chưa được ban hành',
    en: "The task's plan has not been issued",
  }),
  assigner: defineRule({
    id: 'task.assigner',
    kind: 'forbidden',
    vi: 'Chỉ đơn vị ban hành kế hoạch mới phân công nhiệm vụ của kế hoạch',
    en: "Only the plan's issuer assigns its tasks",
  }),
  group: defineRule({
    id: 'task.unknown-group',
    kind: 'illegal-state',
    vi: 'Kế hoạch không có nhóm nhiệm vụ này',
    en: 'The plan has no such task group',
  }),
  notAssignee: defineRule({
    id: 'task.not-assignee',
    kind: 'forbidden',
    vi: 'Chỉ đơn vị chủ trì hoặc phối hợp báo cáo nhiệm vụ này',
    en: 'Only the lead or a coordinating unit reports on this task',
  }),
  onlyLeadCompletes: defineRule({
    id: 'task.only-lead-completes',
    kind: 'forbidden',
    vi: 'Chỉ đơn vị chủ trì báo cáo hoàn thành',
    en: 'Only the lead unit completes the task',
  }),
  independentBody: defineRule({
    id: 'task.independent-body-is-requested',
    kind: 'illegal-state',
    vi: 'Tòa án, Viện kiểm sát, Mặt trận Tổ quốc không nhận lệnh phân công của UBND: ghi là đề nghị (REQUEST)',
    en: 'A court, procuracy or the Front takes no order from a People’s Committee: record a REQUEST',
  }),
  requestNotOverdue: defineRule({
    id: 'task.request-is-awaited',
    kind: 'illegal-state',
    vi: 'Nhiệm vụ đề nghị cơ quan độc lập (Tòa án, Viện kiểm sát, Mặt trận) chỉ chờ phản hồi, không coi là quá hạn',
    en: 'A request to an independent body (court, procuracy, Front) is awaited, never overdue',
    // The plans word these as "đề nghị" (a request): the commune cannot order an independent body.
  }),
  overdueBySystem: defineRule({
    id: 'task.overdue-by-system',
    kind: 'forbidden',
    vi: 'Chỉ hệ thống ghi nhận nhiệm vụ quá hạn, theo thời hạn đã ghi',
    en: 'Only the system marks a task overdue, from its recorded due date',
  }),
  notOverdue: defineRule({
    id: 'task.not-overdue',
    kind: 'illegal-state',
    vi: 'Nhiệm vụ chưa quá hạn',
    en: 'The task is not overdue',
  }),
} as const;

export function evolveTask(state: TaskState, event: e.TaskEvent): TaskState {
  switch (event.type) {
    case 'TaskAssigned': {
      const d = event.data;
      return {
        status: 'open',
        taskId: d.taskId,
        planId: d.planId,
        issuerUnit: d.issuerUnit,
        leadUnit: d.leadUnit,
        coordinatingUnits: d.coordinatingUnits,
        requestType: d.requestType,
        dueDate: d.dueDate ?? null,
        acknowledged: false,
        overdue: false,
      };
    }
    case 'TaskAcknowledged':
      return state.status === 'open' ? { ...state, acknowledged: true } : state;
    case 'TaskOverdue':
      return state.status === 'open' ? { ...state, overdue: true } : state;
    case 'TaskCompleted':
      return state.status === 'open'
        ? { ...state, status: 'completed', completedOn: event.data.completedOn }
        : state;
    case 'TaskProgressReported':
    case 'DifficultyRaised':
      return state;
  }
}

function openTask(state: TaskState): Extract<TaskState, { status: 'open' }> {
  if (state.status === 'open') return state;
  return refuse(state.status === 'none' ? TASK_RULES.none : TASK_RULES.completed);
}

function assignee(state: Extract<TaskState, { status: 'open' }>, unit: string): void {
  ensure(unit === state.leadUnit || state.coordinatingUnits.includes(unit), TASK_RULES.notAssignee, unit);
}

/** An assignment, against the plan as its stream records it: its issuer assigns, within its groups. */
function assign(command: Extract<TaskCommand, { type: 'AssignTask' }>, context: TaskContext): e.TaskEvent[] {
  const plan = context.plan?.state;
  if (plan?.status !== 'issued') return refuse(TASK_RULES.noPlan, command.data.planId);
  ensure(
    e.TaskAssigned.emittedBy.includes(command.meta.role) && command.meta.unit === plan.issuerUnit,
    TASK_RULES.assigner,
    plan.issuerUnit,
  );
  ensure(plan.taskGroups.includes(command.data.group), TASK_RULES.group, String(command.data.group));
  const lead = context.units ? unitAt(context.units, command.data.leadUnit, command.data.assignedOn) : null;
  ensure(
    !(lead && INDEPENDENT.includes(lead.kind) && command.data.requestType === 'ASSIGN'),
    TASK_RULES.independentBody,
    command.data.leadUnit,
  );
  return [eventOf(e.TaskAssigned, { ...command.data, issuerUnit: plan.issuerUnit })];
}

export function decideTask(command: TaskCommand, state: TaskState, context: TaskContext): e.TaskEvent[] {
  switch (command.type) {
    case 'AssignTask':
      ensure(state.status === 'none', TASK_RULES.exists);
      return assign(command, context);
    case 'AcknowledgeTask':
      assignee(openTask(state), command.meta.unit);
      return [eventOf(e.TaskAcknowledged, command.data)];
    case 'ReportTaskProgress':
      assignee(openTask(state), command.meta.unit);
      return [eventOf(e.TaskProgressReported, command.data)];
    case 'RaiseDifficulty':
      assignee(openTask(state), command.meta.unit);
      return [eventOf(e.DifficultyRaised, command.data)];
    case 'CompleteTask': {
      const task = openTask(state);
      ensure(command.meta.unit === task.leadUnit, TASK_RULES.onlyLeadCompletes);
      const late =
        task.requestType === 'ASSIGN' && task.dueDate !== null && command.data.completedOn > task.dueDate;
      return [eventOf(e.TaskCompleted, { ...command.data, late })];
    }
    case 'MarkTaskOverdue': {
      // A sweep's marker: the clock records it from the stored due date, no person types it in.
      ensure(command.meta.role === 'system', TASK_RULES.overdueBySystem, command.meta.role);
      const task = openTask(state);
      ensure(task.requestType === 'ASSIGN', TASK_RULES.requestNotOverdue);
      const due = task.dueDate;
      if (due === null || task.overdue || command.data.detectedOn <= due)
        return refuse(TASK_RULES.notOverdue);
      return [eventOf(e.TaskOverdue, { dueDate: due, detectedOn: command.data.detectedOn })];
    }
  }
}
