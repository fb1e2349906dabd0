import { ancestorsAt, unitAt, type OrgUnitsState } from '../orgUnits/registry.js';
import type { DocRef } from '../shared/docRef.js';
import { cite } from '../shared/legalBasis.js';
import { defineRule, ensure, refuse } from '../shared/rules.js';
import type { PlanContext } from './context.js';
import type { PlanState } from './plan.js';

export const PARENT_PLAN_RULES = {
  parentNotIssued: defineRule({
    id: 'plan.parent-not-issued',
    kind: 'illegal-state',
    vi: 'Kế hoạch cấp trên được dẫn chưa được ban hành trong hệ thống',
    en: 'The parent plan named has not been issued',
    basis: cite('NĐ49', '20(2)'),
  }),
  parentNotAbove: defineRule({
    id: 'plan.parent-not-above',
    kind: 'illegal-state',
    vi: 'Kế hoạch cấp trên phải do đơn vị cấp trên của đơn vị ban hành kế hoạch này ban hành trước đó',
    en: "The parent plan must be issued earlier, by a unit above this plan's issuer",
    basis: cite('NĐ49', '20(2)'),
  }),
} as const;

type Level = 'PROVINCE' | 'COMMUNE';
const RANK: Readonly<Record<Level, number>> = { PROVINCE: 2, COMMUNE: 1 };
type Issued = Extract<PlanState, { status: 'issued' }>;
interface Child {
  issuerUnit: string;
  level: Level;
  issuedOn: string;
}

/**
 * Whether the parent's issuer stands above the child's: a higher level always, and, where the unit
 * tree knows the child's issuer that day, among its ancestors (a commune's own province, not another).
 */
function issuedAbove(parent: Issued, child: Child, units: OrgUnitsState | null): boolean {
  if (RANK[parent.level] <= RANK[child.level] || parent.issuedOn > child.issuedOn) return false;
  if (!units || !unitAt(units, child.issuerUnit, child.issuedOn)) return true;
  return ancestorsAt(units, child.issuerUnit, child.issuedOn).includes(parent.issuerUnit);
}

/** The parent plan's paper, once its stream shows it issued above the child (NĐ49 20(2); DOMAIN §4.5). */
export function parentPaper(parentPlanId: string, child: Child, context: PlanContext): DocRef {
  const parent = context.parent?.state;
  if (parent?.status !== 'issued') return refuse(PARENT_PLAN_RULES.parentNotIssued, parentPlanId);
  ensure(issuedAbove(parent, child, context.units), PARENT_PLAN_RULES.parentNotAbove, parent.issuerUnit);
  return parent.plan;
}
