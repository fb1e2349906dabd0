import type { UnitKind } from '../orgUnits/events.js';
import { evolveOrgUnits, initialOrgUnitsState, type OrgUnitsState } from '../orgUnits/registry.js';

type Row = [code: string, kind: UnitKind, name: string, parent: string | null];

/** Two provinces, their bodies, communes, villages and facilities, and a national body: for policy tests. */
export const TEST_UNITS: readonly Row[] = [
  ['bo-cong-an', 'NATIONAL', 'Bộ Công an', null],
  ['tinh-a', 'PROVINCE', 'Tỉnh A', null],
  ['tinh-a/cong-an', 'POLICE', 'Công an tỉnh A', 'tinh-a'],
  ['tinh-a/cong-an/tieu-ban', 'OFFICE', 'Tiểu ban đặc xá tỉnh A', 'tinh-a/cong-an'],
  ['tinh-a/vks', 'PROCURACY', 'VKSND tỉnh A', 'tinh-a'],
  ['tinh-a/toa-an', 'COURT', 'TAND tỉnh A', 'tinh-a'],
  ['tinh-a/mat-tran', 'FRONT', 'UBMTTQ tỉnh A', 'tinh-a'],
  ['trai-a', 'FACILITY', 'Trại giam A', 'tinh-a'],
  ['trai-a2', 'FACILITY', 'Trại giam A2', 'tinh-a'],
  ['xa-1', 'COMMUNE', 'Xã 1', 'tinh-a'],
  ['xa-1/cong-an', 'POLICE', 'Công an xã 1', 'xa-1'],
  ['xa-1/mat-tran', 'FRONT', 'UBMTTQ xã 1', 'xa-1'],
  ['xa-1/thon-1', 'VILLAGE', 'Thôn 1', 'xa-1'],
  ['xa-1/thon-2', 'VILLAGE', 'Thôn 2', 'xa-1'],
  ['xa-2', 'COMMUNE', 'Xã 2', 'tinh-a'],
  ['xa-2/cong-an', 'POLICE', 'Công an xã 2', 'xa-2'],
  ['tinh-b', 'PROVINCE', 'Tỉnh B', null],
  ['tinh-b/vks', 'PROCURACY', 'VKSND tỉnh B', 'tinh-b'],
  ['tinh-b/cong-an', 'POLICE', 'Công an tỉnh B', 'tinh-b'],
  ['trai-b', 'FACILITY', 'Trại giam B', 'tinh-b'],
  ['xa-3', 'COMMUNE', 'Xã 3', 'tinh-b'],
  ['xa-3/cong-an', 'POLICE', 'Công an xã 3', 'xa-3'],
];

/** The test tree from 2024-01-01; with `merged`, xa-2 is merged into xa-1 on 2025-07-01. */
export function testTree(options: { merged?: boolean } = {}): OrgUnitsState {
  let tree = initialOrgUnitsState;
  for (const [code, kind, name, parent] of TEST_UNITS) {
    tree = evolveOrgUnits(tree, {
      type: 'OrgUnitEstablished',
      data: { code, kind, name, parent, effectiveFrom: '2024-01-01' },
    });
  }
  if (options.merged) {
    tree = evolveOrgUnits(tree, {
      type: 'OrgUnitsMerged',
      data: {
        codes: ['xa-2'],
        into: 'xa-1',
        effectiveFrom: '2025-07-01',
        document: { number: '1656/NQ-UBTVQH15', date: '2025-06-16' },
      },
    });
  }
  return tree;
}
