import { describe, expect, it } from 'vitest';
import type { Role } from '../shared/roles.js';
import { givenWhenThen } from '../testing/givenWhenThen.js';
import type { OrgUnitEvent } from './events.js';
import { ORG_UNIT_RULES, decideOrgUnits, type OrgUnitCommand } from './orgUnits.js';
import {
  ancestorsAt,
  descendantsAt,
  evolveOrgUnits,
  initialOrgUnitsState,
  isWithin,
  successorOf,
  unitAt,
  type OrgUnitsState,
} from './registry.js';

const given = givenWhenThen<OrgUnitCommand, OrgUnitEvent, OrgUnitsState>({
  decide: decideOrgUnits,
  evolve: evolveOrgUnits,
  initialState: initialOrgUnitsState,
});
const C = (type: OrgUnitCommand['type'], data: unknown, role: Role = 'admin'): OrgUnitCommand =>
  ({
    type,
    data,
    meta: { actor: 'u-admin', role, unit: 'he-thong', now: '2025-07-01T01:00:00Z' },
  }) as OrgUnitCommand;
const doc = { number: 'NQ-MINH-HOA/2025 (minh họa)', date: '2025-06-16' };
const establish = (code: string, kind: string, parent: string | null, effectiveFrom = '2020-01-01') =>
  C('EstablishOrgUnit', { code, kind, name: code, parent, effectiveFrom });

// Before 01/07/2025: province ⊃ district ⊃ two communes. From then: the communes merge into one
// new commune directly under the province, and the district ends.
const reform = [
  establish('hai-phong', 'PROVINCE', null),
  establish('huyen-x', 'DISTRICT', 'hai-phong'),
  establish('xa-a', 'COMMUNE', 'huyen-x'),
  establish('xa-b', 'COMMUNE', 'huyen-x'),
  establish('xa-an-khanh', 'COMMUNE', 'hai-phong', '2025-07-01'),
  C('MergeOrgUnits', {
    codes: ['xa-a', 'xa-b'],
    into: 'xa-an-khanh',
    effectiveFrom: '2025-07-01',
    document: doc,
  }),
  C('DissolveOrgUnit', { code: 'huyen-x', effectiveFrom: '2025-07-01', document: doc }),
  establish('xa-an-khanh/thon-3', 'VILLAGE', 'xa-an-khanh', '2025-07-01'),
].reduce<OrgUnitEvent[]>(
  (events, command) => [
    ...events,
    ...decideOrgUnits(command, events.reduce(evolveOrgUnits, initialOrgUnitsState)),
  ],
  [],
);
const tree = reform.reduce(evolveOrgUnits, initialOrgUnitsState);

describe('the organisation tree through the 2025 reform', () => {
  it('answers for any date: the old commune sat under its district, the new one under the province', () => {
    expect(ancestorsAt(tree, 'xa-a', '2024-10-01')).toEqual(['huyen-x', 'hai-phong']);
    expect(unitAt(tree, 'xa-a', '2025-07-01')).toBeNull();
    expect(ancestorsAt(tree, 'xa-an-khanh/thon-3', '2025-09-01')).toEqual(['xa-an-khanh', 'hai-phong']);
    expect(isWithin(tree, 'xa-an-khanh/thon-3', 'hai-phong', '2025-09-01')).toBe(true);
    expect(isWithin(tree, 'xa-a', 'huyen-x', '2024-10-01')).toBe(true);
  });

  it('lists a province’s communes as they stood on a date, for roll-ups', () => {
    expect(descendantsAt(tree, 'hai-phong', '2024-10-01', ['COMMUNE'])).toEqual(['xa-a', 'xa-b']);
    expect(descendantsAt(tree, 'hai-phong', '2025-09-01', ['COMMUNE'])).toEqual(['xa-an-khanh']);
    expect(descendantsAt(tree, 'hai-phong', '2025-09-01')).toEqual(['xa-an-khanh', 'xa-an-khanh/thon-3']);
  });

  it('maps merged communes to the commune that now answers for them', () => {
    expect(successorOf(tree, 'xa-b')).toBe('xa-an-khanh');
    expect(successorOf(tree, 'hai-phong')).toBe('hai-phong');
  });

  it('refuses districts after the reform, wrong nesting, a taken code, and dissolving a unit with children', () => {
    given(reform)
      .when(establish('huyen-y', 'DISTRICT', 'hai-phong', '2025-08-01'))
      .thenRefuses(ORG_UNIT_RULES.noDistricts);
    given(reform)
      .when(establish('thon-9', 'VILLAGE', 'hai-phong', '2025-08-01'))
      .thenRefuses(ORG_UNIT_RULES.nesting);
    given(reform)
      .when(establish('xa-a', 'COMMUNE', 'hai-phong', '2025-08-01'))
      .thenRefuses(ORG_UNIT_RULES.codeTaken);
    given(reform)
      .when(C('DissolveOrgUnit', { code: 'hai-phong', effectiveFrom: '2025-08-01', document: doc }))
      .thenRefuses(ORG_UNIT_RULES.hasChildren);
    given(reform)
      .when({
        ...establish('xa-c', 'COMMUNE', 'hai-phong'),
        meta: { ...establish('x', 'COMMUNE', null).meta, role: 'commune-chair' },
      })
      .thenRefuses(ORG_UNIT_RULES.adminOnly);
  });
});

describe('org-unit refusals', () => {
  it('refuse changing a unit on a date it did not exist', () => {
    given(reform)
      .when(C('RenameOrgUnit', { code: 'xa-a', name: 'Xã A mới', effectiveFrom: '2025-08-01' }))
      .thenRefuses(ORG_UNIT_RULES.unknown);
  });
});
