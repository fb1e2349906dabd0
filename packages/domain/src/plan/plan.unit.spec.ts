import { describe, it } from 'vitest';
import type { Role } from '../shared/roles.js';
import { givenWhenThen } from '../testing/givenWhenThen.js';
import type { PlanEvent } from './events.js';
import {
  PLAN_RULES,
  decidePlan,
  evolvePlan,
  initialPlanState,
  type PlanCommand,
  type PlanState,
} from './plan.js';

const given = givenWhenThen<PlanCommand, PlanEvent, PlanState>({
  decide: decidePlan,
  evolve: evolvePlan,
  initialState: initialPlanState,
});
const issue = (role: Role, unit = 'ubnd-xa-an-khanh'): PlanCommand => ({
  type: 'IssuePlan',
  data: {
    planId: '0192f5c4-0000-7000-8000-0000000000b1',
    plan: { number: '13/KH-UBND', date: '2025-07-28' },
    title: 'Triển khai thực hiện công tác đặc xá năm 2025',
    level: 'COMMUNE',
    issuerUnit: 'ubnd-xa-an-khanh',
    parent: { number: '1958/UBND-NC', date: '2025-07-23' },
    legalBases: [{ number: '1244/2025/QĐ-CTN', date: '2025-07-03' }],
    taskGroups: [{ no: 1, title: 'Công an xã' }],
    reportChannel: 'ca-xa-an-khanh',
    reportDue: '2025-09-04',
    issuedOn: '2025-07-28',
  },
  meta: { actor: 'u-1', role, unit, now: '2025-07-28T02:00:00Z' },
});

describe('plans', () => {
  it('are issued once, by the chair of the issuing committee', () => {
    given().when(issue('commune-police')).thenRefuses(PLAN_RULES.issuer);
    given().when(issue('commune-chair', 'ubnd-xa-khac')).thenRefuses(PLAN_RULES.issuer);
    const issued = given()
      .when(issue('commune-chair'))
      .then(() => undefined);
    given(issued).when(issue('commune-chair')).thenRefuses(PLAN_RULES.exists);
  });
});
