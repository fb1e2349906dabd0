import { describe, expect, it } from 'vitest';
import { evolveOrgUnits, initialOrgUnitsState, type OrgUnitsState } from '../orgUnits/registry.js';
import type { Role } from '../shared/roles.js';
import { givenWhenThen } from '../testing/givenWhenThen.js';
import { loaded } from '../testing/loaded.js';
import { planContext, type PlanContext } from './context.js';
import type { PlanEvent } from './events.js';
import {
  IssuePlan,
  PLAN_RULES,
  decidePlan,
  evolvePlan,
  initialPlanState,
  type PlanCommand,
  type PlanState,
} from './plan.js';

const given = givenWhenThen<PlanCommand, PlanEvent, PlanState, PlanContext>({
  decide: decidePlan,
  evolve: evolvePlan,
  initialState: initialPlanState,
});
const CITY_PLAN = '0192f5c4-0000-7000-8000-0000000000c1';
const COMMUNE_PLAN = '0192f5c4-0000-7000-8000-0000000000c2';

/** An IssuePlan: the city's own plan, or a commune plan naming `parentPlanId`. */
function issue(
  planId: string,
  level: 'PROVINCE' | 'COMMUNE',
  issuerUnit: string,
  extra: { parentPlanId?: string; issuedOn?: string } = {},
): PlanCommand {
  const role: Role = level === 'PROVINCE' ? 'provincial-committee' : 'commune-chair';
  const issuedOn = extra.issuedOn ?? (level === 'PROVINCE' ? '2025-07-23' : '2025-07-28');
  return {
    type: 'IssuePlan',
    data: {
      planId,
      plan: { number: level === 'PROVINCE' ? '1958/UBND-NC' : '13/KH-UBND', date: issuedOn },
      title: 'Triển khai thực hiện công tác đặc xá năm 2025',
      level,
      issuerUnit,
      ...(extra.parentPlanId ? { parentPlanId: extra.parentPlanId } : {}),
      legalBases: [{ number: '1244/2025/QĐ-CTN', date: '2025-07-03' }],
      taskGroups: [{ no: 1, title: 'Công an' }],
      reportChannel: `${issuerUnit}/cong-an`,
      reportDue: '2025-09-04',
      issuedOn,
    },
    meta: { actor: 'u-1', role, unit: issuerUnit, now: `${issuedOn}T02:00:00Z` },
  };
}

const establish = (code: string, kind: 'PROVINCE' | 'COMMUNE', parent: string | null) => ({
  type: 'OrgUnitEstablished' as const,
  data: { code, kind, name: code, parent, effectiveFrom: '2025-07-01' },
});
const TREE: OrgUnitsState = [
  establish('tp-hai-phong', 'PROVINCE', null),
  establish('tinh-quang-ninh', 'PROVINCE', null),
  establish('xa-an-khanh', 'COMMUNE', 'tp-hai-phong'),
].reduce(evolveOrgUnits, initialOrgUnitsState);

/** The parent's stream as the handler loads it, with the unit tree of the day. */
function withParent(...parentEvents: PlanEvent[]): PlanContext {
  return {
    parent: loaded(`plan-${CITY_PLAN}`, { evolve: evolvePlan, initial: initialPlanState }, parentEvents),
    units: TREE,
  };
}
const issued = (command: PlanCommand): PlanEvent[] => decidePlan(command, initialPlanState);
const cityPlan = issued(issue(CITY_PLAN, 'PROVINCE', 'tp-hai-phong'));
const child = issue(COMMUNE_PLAN, 'COMMUNE', 'xa-an-khanh', { parentPlanId: CITY_PLAN });

describe('a plan’s parent plan (J4)', () => {
  it('links to the parent’s stream and copies its paper from there, never from the body', () => {
    given()
      .when(child, withParent(...cityPlan))
      .then((e) =>
        expect(e[0]?.data).toMatchObject({
          parentPlanId: CITY_PLAN,
          parent: { number: '1958/UBND-NC', date: '2025-07-23' },
        }),
      );
    // The command has no `parent`: a paper typed in beside the link is refused by its schema.
    const typedIn = { ...child.data, parent: { number: '999/UBND', date: '2025-07-01' } };
    expect(IssuePlan.schema.safeParse(typedIn).success).toBe(false);
    expect(IssuePlan.schema.safeParse(child.data).success).toBe(true);
  });

  it('refuses a parent plan that was never issued, or that no handler read', () => {
    given().when(child, withParent()).thenRefuses(PLAN_RULES.parentNotIssued);
    given().when(child).thenRefuses(PLAN_RULES.parentNotIssued);
  });

  it('refuses a parent issued by a unit not above the child’s issuer, or issued after it', () => {
    const otherProvince = issued(issue(CITY_PLAN, 'PROVINCE', 'tinh-quang-ninh'));
    given()
      .when(child, withParent(...otherProvince))
      .thenRefuses(PLAN_RULES.parentNotAbove);
    const sameLevel = issued(issue(CITY_PLAN, 'COMMUNE', 'xa-an-khanh', { issuedOn: '2025-07-20' }));
    given()
      .when(child, withParent(...sameLevel))
      .thenRefuses(PLAN_RULES.parentNotAbove);
    const later = issued(issue(CITY_PLAN, 'PROVINCE', 'tp-hai-phong', { issuedOn: '2025-08-01' }));
    given()
      .when(child, withParent(...later))
      .thenRefuses(PLAN_RULES.parentNotAbove);
  });

  it('reads the parent and the unit tree only for a plan that names a parent', async () => {
    const asked: string[] = [];
    const loader = {
      load: async (kind: string, id: string) => {
        asked.push(`${kind}-${id}`);
        return kind === 'plan' ? withParent(...cityPlan).parent! : { stream: kind, revision: 0, state: TREE };
      },
      grantsOf: async () => [],
    } as unknown as Parameters<typeof planContext>[1];
    expect(await planContext(issue(CITY_PLAN, 'PROVINCE', 'tp-hai-phong'), loader)).toEqual({
      parent: null,
      units: null,
    });
    expect((await planContext(child, loader)).parent?.state.status).toBe('issued');
    expect(asked).toEqual([`plan-${CITY_PLAN}`, 'org-units-registry']);
  });
});
