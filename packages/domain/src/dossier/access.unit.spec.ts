import { describe, expect, it } from 'vitest';
import { held } from '../access/holders.js';
import { permits } from '../access/permits.js';
import { testTree } from '../access/testTree.js';
import { evolveOrgUnits } from '../orgUnits/registry.js';
import type { Role } from '../shared/roles.js';

// The test tree, with each province's civil-enforcement and health offices.
const tree = [
  ['tinh-a/thads', 'OFFICE', 'THADS tỉnh A', 'tinh-a'],
  ['tinh-a/so-y-te', 'OFFICE', 'Sở Y tế tỉnh A', 'tinh-a'],
  ['tinh-b/thads', 'OFFICE', 'THADS tỉnh B', 'tinh-b'],
].reduce(
  (t, [code, kind, name, parent]) =>
    evolveOrgUnits(t, {
      type: 'OrgUnitEstablished',
      data: {
        code: code!,
        kind: kind as 'OFFICE',
        name: name!,
        parent: parent!,
        effectiveFrom: '2024-01-01',
      },
    }),
  testTree(),
);
const may = (role: Role, unit: string, holder: string, action: 'read' | 'write' = 'write') =>
  permits(tree, { actor: 'u-1', role, unit }, 'dossier', action, [held('facility', holder)], '2025-03-01');

describe('who reaches a dossier (LĐX 15, 31)', () => {
  it('lets the province’s enforcement and health offices record on its dossiers, not another province’s', () => {
    expect(may('civil-enforcement', 'tinh-a/thads', 'trai-a')).toBe(true);
    expect(may('provincial-health-dept', 'tinh-a/so-y-te', 'trai-a')).toBe(true);
    expect(may('civil-enforcement', 'tinh-b/thads', 'trai-a')).toBe(false);
  });

  it('holds a suspended person’s dossier at the court: its province’s bodies reach it, a warden does not', () => {
    expect(may('court', 'tinh-a/toa-an', 'tinh-a/toa-an')).toBe(true);
    expect(may('procuracy', 'tinh-a/vks', 'tinh-a/toa-an', 'read')).toBe(true);
    expect(may('civil-enforcement', 'tinh-a/thads', 'tinh-a/toa-an')).toBe(true);
    expect(may('facility-warden', 'trai-a', 'tinh-a/toa-an')).toBe(false);
    expect(may('court', 'tinh-a/toa-an', 'trai-b')).toBe(false);
  });
});
