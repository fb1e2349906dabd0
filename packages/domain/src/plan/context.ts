import type { ContextLoader, Loaded } from '../catalogue/aggregate.js';
import type { OrgUnitsState } from '../orgUnits/registry.js';
import type { PlanCommand, PlanState } from './plan.js';

/** What issuing a plan reads from the log: the parent plan it names, and the unit tree of that day. */
export interface PlanContext {
  parent: Loaded<PlanState> | null;
  units: OrgUnitsState | null;
}

/** Nothing loaded: what a decider sees when no handler read the log for it. */
export const NOTHING_LOADED: PlanContext = { parent: null, units: null };

/**
 * Only a plan naming a parent reads elsewhere: the parent's stream (that it was issued, by whom,
 * its paper) and the unit tree (whether its issuer stands above this plan's). Nothing else does.
 */
export async function planContext(
  command: PlanCommand,
  loader: ContextLoader<{ plan: PlanState; 'org-units': OrgUnitsState }>,
): Promise<PlanContext> {
  if (command.type !== 'IssuePlan' || command.data.parentPlanId === undefined) return NOTHING_LOADED;
  return {
    parent: await loader.load('plan', command.data.parentPlanId),
    units: (await loader.load('org-units', 'registry')).state,
  };
}
