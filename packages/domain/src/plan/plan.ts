import { defineCommand, type CommandOf } from '../shared/command.js';
import { eventOf } from '../shared/defineEvent.js';
import { cite } from '../shared/legalBasis.js';
import { defineRule, ensure } from '../shared/rules.js';
import { ImplementationPlanIssued, type PlanEvent } from './events.js';

export const IssuePlan = defineCommand({
  type: 'IssuePlan',
  label: { vi: 'Ban hành kế hoạch', en: 'Issue a plan' },
  schema: ImplementationPlanIssued.schema,
});
export type PlanCommand = CommandOf<typeof IssuePlan>;

/** A plan: issued once by a People's Committee; its tasks live in their own streams. */
export type PlanState =
  | { status: 'none' }
  | {
      status: 'issued';
      planId: string;
      issuerUnit: string;
      taskGroups: number[];
      reportDue: string;
      reportChannel: string;
    };

export const initialPlanState: PlanState = { status: 'none' };

export const PLAN_RULES = {
  exists: defineRule({
    id: 'plan.exists',
    kind: 'illegal-state',
    vi: 'Kế hoạch đã ban hành',
    en: 'The plan has already been issued',
  }),
  issuer: defineRule({
    id: 'plan.issuer',
    kind: 'forbidden',
    vi: 'Chỉ Chủ tịch UBND cấp đó ban hành kế hoạch của đơn vị mình',
    en: "Only the People's Committee chair issues their own unit's plan",
    basis: cite('KH13-AnKhanh', 'IV'),
  }),
} as const;

export function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  const d = event.data;
  return {
    status: 'issued',
    planId: d.planId,
    issuerUnit: d.issuerUnit,
    taskGroups: d.taskGroups.map((g) => g.no),
    reportDue: d.reportDue,
    reportChannel: d.reportChannel,
  };
}

export function decidePlan(command: PlanCommand, state: PlanState): PlanEvent[] {
  ensure(state.status === 'none', PLAN_RULES.exists);
  const { role, unit } = command.meta;
  const roleFits =
    command.data.level === 'COMMUNE' ? role === 'commune-chair' : role === 'provincial-committee';
  ensure(roleFits && unit === command.data.issuerUnit, PLAN_RULES.issuer);
  return [eventOf(ImplementationPlanIssued, command.data)];
}
