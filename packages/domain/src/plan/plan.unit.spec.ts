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

describe('commendations under a plan', () => {
  const issued = given()
    .when(issue('commune-chair'))
    .then(() => undefined);
  const ID = '0192f5c4-0000-7000-8000-0000000000b9';
  const propose = (role: Role): PlanCommand => ({
    type: 'ProposeCommendation',
    data: {
      commendationId: ID,
      recipient: 'Tổ tự quản thôn 3',
      recipientKind: 'UNIT',
      achievement: 'Giúp 3 người tìm việc làm',
      proposedOn: '2025-09-20',
    },
    meta: { actor: 'u-1', role, unit: 'ubnd-xa-an-khanh/vhxh', now: '2025-09-20T02:00:00Z' },
  });
  const grant: PlanCommand = {
    type: 'GrantCommendation',
    data: {
      commendationId: ID,
      decision: { number: '70/QĐ-UBND', date: '2025-09-25' },
      grantedOn: '2025-09-25',
    },
    meta: { actor: 'u-2', role: 'commune-chair', unit: 'ubnd-xa-an-khanh', now: '2025-09-25T02:00:00Z' },
  };

  it('are proposed by the culture and social office and granted by the chair, once', () => {
    given(issued).when(propose('commune-police')).thenRefuses(PLAN_RULES.commendationRole);
    given(issued).when(grant).thenRefuses(PLAN_RULES.noProposal);
    const proposed = [
      ...issued,
      ...given(issued)
        .when(propose('commune-culture-office'))
        .then(() => undefined),
    ];
    const granted = [
      ...proposed,
      ...given(proposed)
        .when(grant)
        .then(() => undefined),
    ];
    given(granted).when(grant).thenRefuses(PLAN_RULES.noProposal);
  });
});

describe('plan refusals', () => {
  it('take no commendation before the plan exists', () => {
    given()
      .when({
        type: 'ProposeCommendation',
        data: {
          commendationId: '0192f5c4-0000-7000-8000-0000000000b8',
          recipient: 'x',
          recipientKind: 'UNIT',
          achievement: 'x',
          proposedOn: '2025-09-20',
        },
        meta: { actor: 'u', role: 'commune-culture-office', unit: 'x', now: '2025-09-20T02:00:00Z' },
      })
      .thenRefuses(PLAN_RULES.none);
  });
});
