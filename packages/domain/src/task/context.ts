import type { ContextLoader } from '../catalogue/aggregate.js';
import type { OrgUnitsState } from '../orgUnits/registry.js';
import type { PlanState } from '../plan/plan.js';
import type { TaskCommand, TaskContext } from './task.js';

/**
 * An assignment reads its plan's stream (issuer, task groups) and the unit tree (what kind of body
 * leads it); no other task step reads elsewhere.
 */
export async function taskContext(
  command: TaskCommand,
  loader: ContextLoader<{ plan: PlanState; 'org-units': OrgUnitsState }>,
): Promise<TaskContext> {
  if (command.type !== 'AssignTask') return { plan: null, units: null };
  return {
    plan: await loader.load('plan', command.data.planId),
    units: (await loader.load('org-units', 'registry')).state,
  };
}
