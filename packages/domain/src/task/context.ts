import type { ContextLoader } from '../catalogue/aggregate.js';
import type { PlanState } from '../plan/plan.js';
import type { TaskCommand, TaskContext } from './task.js';

/** An assignment reads its plan's stream (issuer, task groups); no other task step reads elsewhere. */
export async function taskContext(
  command: TaskCommand,
  loader: ContextLoader<{ plan: PlanState }>,
): Promise<TaskContext> {
  return { plan: command.type === 'AssignTask' ? await loader.load('plan', command.data.planId) : null };
}
