import {
  ORG_UNITS_ID,
  createGrantIndex,
  createOrgTree,
  handleCommand,
  type CommandDeps,
} from '@dacxa/commands';
import { AGGREGATES } from '@dacxa/domain';
import { AN_KHANH, runAnKhanh, runProvince2024 } from '@dacxa/domain/scenarios';
import type { EventStore } from '@dacxa/event-store';
import type { Sealer } from '@dacxa/protection';
import { scenarioRunner, type SeededCommand } from './scenarioRunner.js';

/** The province and communes of the demo: real place names, invented people only. */
export const DEMO_UNITS = {
  nation: 'bo-cong-an',
  province: 'tp-ha-noi',
  commune: AN_KHANH,
  otherCommune: 'xa-minh-hoa',
  otherProvince: 'tp-hai-phong',
  ward: 'phuong-le-chan',
} as const;

type UnitKind =
  | 'NATIONAL'
  | 'PROVINCE'
  | 'COMMUNE'
  | 'WARD'
  | 'VILLAGE'
  | 'POLICE'
  | 'PROCURACY'
  | 'COURT'
  | 'FRONT'
  | 'OFFICE'
  | 'FACILITY';
interface DemoUnit {
  code: string;
  kind: UnitKind;
  name: string;
  parent: string | null;
}

const { nation, province, commune, otherCommune, otherProvince, ward } = DEMO_UNITS;
const officesOf = (area: string, label: string): DemoUnit[] => [
  { code: `${area}/cong-an`, kind: 'POLICE', name: `Công an ${label}`, parent: area },
  { code: `${area}/mat-tran`, kind: 'FRONT', name: `Ủy ban MTTQ Việt Nam ${label}`, parent: area },
];

/**
 * The organisation tree of the demo. Every unit a development token names is in it: the access
 * policy decides from the tree, and a token for a unit outside it is refused. Offices are coded
 * under their area (`xa-an-khanh/cong-an`) and facilities sit in the province they lie in.
 */
export const DEMO_TREE: readonly DemoUnit[] = [
  { code: nation, kind: 'NATIONAL', name: 'Bộ Công an', parent: null },
  { code: province, kind: 'PROVINCE', name: 'Thành phố Hà Nội', parent: null },
  { code: 'ca-tinh', kind: 'POLICE', name: 'Công an Thành phố Hà Nội', parent: province },
  { code: 'vks-tinh', kind: 'PROCURACY', name: 'Viện kiểm sát nhân dân Thành phố Hà Nội', parent: province },
  { code: 'toa-an-tinh', kind: 'COURT', name: 'Tòa án nhân dân Thành phố Hà Nội', parent: province },
  { code: 'mat-tran-tinh', kind: 'FRONT', name: 'Ủy ban MTTQ Việt Nam Thành phố Hà Nội', parent: province },
  { code: 'thanh-tra-tinh', kind: 'OFFICE', name: 'Thanh tra Thành phố Hà Nội', parent: province },
  { code: 'trai-giam-tinh', kind: 'FACILITY', name: 'Trại giam (giả định)', parent: province },
  { code: commune, kind: 'COMMUNE', name: 'Xã An Khánh', parent: province },
  ...officesOf(commune, 'xã An Khánh'),
  { code: `${commune}/van-hoa-xa-hoi`, kind: 'OFFICE', name: 'Phòng Văn hóa – Xã hội', parent: commune },
  { code: `${commune}/kinh-te`, kind: 'OFFICE', name: 'Phòng Kinh tế', parent: commune },
  {
    code: `${commune}/trung-tam-su-nghiep-cong`,
    kind: 'OFFICE',
    name: 'Trung tâm dịch vụ sự nghiệp công',
    parent: commune,
  },
  { code: `${commune}/thon`, kind: 'OFFICE', name: 'Trưởng các thôn', parent: commune },
  ...[1, 2, 3, 4, 5, 6].map((n): DemoUnit => ({
    code: `${commune}/thon-${n}`,
    kind: 'VILLAGE',
    name: `Thôn ${n}`,
    parent: commune,
  })),
  { code: otherCommune, kind: 'COMMUNE', name: 'Xã Minh Họa (giả định)', parent: province },
  ...officesOf(otherCommune, 'xã Minh Họa'),
  { code: otherProvince, kind: 'PROVINCE', name: 'Thành phố Hải Phòng', parent: null },
  {
    code: `${otherProvince}/cong-an`,
    kind: 'POLICE',
    name: 'Công an Thành phố Hải Phòng',
    parent: otherProvince,
  },
  {
    code: `${otherProvince}/vks`,
    kind: 'PROCURACY',
    name: 'Viện kiểm sát nhân dân Thành phố Hải Phòng',
    parent: otherProvince,
  },
  {
    code: `${otherProvince}/toa-an`,
    kind: 'COURT',
    name: 'Tòa án nhân dân Thành phố Hải Phòng',
    parent: otherProvince,
  },
  {
    code: `${otherProvince}/mat-tran`,
    kind: 'FRONT',
    name: 'Ủy ban MTTQ Việt Nam Thành phố Hải Phòng',
    parent: otherProvince,
  },
  {
    code: `${otherProvince}/trai-giam`,
    kind: 'FACILITY',
    name: 'Trại giam khác (giả định)',
    parent: otherProvince,
  },
  { code: ward, kind: 'WARD', name: 'Phường Lê Chân', parent: otherProvince },
  ...officesOf(ward, 'phường Lê Chân'),
];

/** Units exist in the demo from before the 2024 round, so every scenario date finds them. */
const TREE_FROM = '2024-01-01';

/**
 * Establishes the demo's organisation tree, skipping units already in it (a test server starts
 * with the tree, and the demo may be recorded on top). Returns the number of units established.
 */
export async function seedUnits(deps: CommandDeps, onUnit: () => void = () => undefined): Promise<number> {
  const known = await deps.tree.current();
  const admin = {
    actor: 'u-admin',
    role: 'admin' as const,
    unit: DEMO_UNITS.nation,
    now: '2024-01-01T01:00:00Z',
  };
  let count = 0;
  for (const unit of DEMO_TREE) {
    if (known[unit.code]) continue;
    await handleCommand(deps, 'org-units', AGGREGATES['org-units'], {
      type: 'EstablishOrgUnit',
      id: ORG_UNITS_ID,
      data: { ...unit, effectiveFrom: TREE_FROM },
      meta: admin,
    });
    count++;
    onUnit();
  }
  return count;
}

export interface SeedOptions {
  /** People of An Khánh at different stages (at least the scenario's five). */
  people?: number;
  /** Dossiers of the 2024 round beyond the scenario's four, granted and released. */
  granted?: number;
  pending?: number;
  /** Called after each recorded command, for progress. */
  onCommand?: (count: number, seeded?: SeededCommand) => void;
}

/**
 * Records the demo through the same command path as the API: the organisation units, the 2024
 * provincial round with dossiers at every stage, and An Khánh's plan 13/KH-UBND with its tasks,
 * reports and a few dozen invented people. Returns the number of commands recorded.
 */
export async function seedDemo(
  store: EventStore,
  sealer: Sealer,
  options: SeedOptions = {},
): Promise<number> {
  let count = 0;
  const deps: CommandDeps = { store, sealer, tree: createOrgTree(store), grants: createGrantIndex(store) };
  const counted = (seeded?: SeededCommand) => {
    count++;
    options.onCommand?.(count, seeded);
  };
  const runner = scenarioRunner(deps, counted);
  await seedUnits(deps, () => counted());
  await runProvince2024(runner, {
    granted: options.granted ?? 6,
    pending: options.pending ?? 2,
    openCases: true,
  });
  await runAnKhanh(runner, { people: options.people ?? 30 });
  return count;
}
