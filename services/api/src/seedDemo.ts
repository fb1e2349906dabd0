import {
  ORG_UNITS_ID,
  createGrantIndex,
  createOrgTree,
  handleCommand,
  type CommandDeps,
} from '@dacxa/commands';
import { AGGREGATES } from '@dacxa/domain';
import {
  AN_KHANH,
  OTHER_COMMUNE,
  OTHER_PROVINCE,
  runAnKhanh,
  runOtherProvince,
  runProvince2024,
} from '@dacxa/domain/scenarios';
import type { EventStore } from '@dacxa/event-store';
import type { Sealer } from '@dacxa/protection';
import { scenarioRunner, type SeededCommand } from './scenarioRunner.js';

/**
 * The provinces and communes of the demo: real place names, invented people only. An Khánh and
 * Lê Chân are under Hải Phòng city, as plan 13/KH-UBND implements the city's plan 1958/UBND-NC; a
 * second province, with one invented commune and a few cases of its own, shows what stays hidden
 * across jurisdictions.
 */
export const DEMO_UNITS = {
  nation: 'bo-cong-an',
  province: 'tp-hai-phong',
  commune: AN_KHANH,
  otherCommune: 'xa-minh-hoa',
  ward: 'phuong-le-chan',
  otherProvince: OTHER_PROVINCE,
  otherProvinceCommune: OTHER_COMMUNE,
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

const { nation, province, commune, otherCommune, ward, otherProvince, otherProvinceCommune } = DEMO_UNITS;
const officesOf = (area: string, label: string): DemoUnit[] => [
  { code: `${area}/cong-an`, kind: 'POLICE', name: `Công an ${label}`, parent: area },
  {
    code: `${area}/mat-tran`,
    kind: 'FRONT',
    name: `Ủy ban Mặt trận Tổ quốc Việt Nam ${label}`,
    parent: area,
  },
];
const HP = 'thành phố Hải Phòng';
const QN = 'tỉnh Quảng Ninh';

/** An Khánh's offices and villages, as plan 13/KH-UBND names them (section III and its recipients). */
const anKhanhUnits: DemoUnit[] = [
  { code: commune, kind: 'COMMUNE', name: 'Xã An Khánh', parent: province },
  ...officesOf(commune, 'xã An Khánh'),
  { code: `${commune}/van-hoa-xa-hoi`, kind: 'OFFICE', name: 'Phòng Văn hóa – Xã hội', parent: commune },
  { code: `${commune}/kinh-te`, kind: 'OFFICE', name: 'Phòng Kinh tế', parent: commune },
  {
    code: `${commune}/trung-tam-su-nghiep-cong`,
    kind: 'OFFICE',
    name: 'Trung tâm sự nghiệp công',
    parent: commune,
  },
  { code: `${commune}/thon`, kind: 'OFFICE', name: 'Trưởng các thôn', parent: commune },
  ...[1, 2, 3, 4, 5, 6].map((n): DemoUnit => ({
    code: `${commune}/thon-${n}`,
    kind: 'VILLAGE',
    name: `Thôn ${n}`,
    parent: commune,
  })),
];

/**
 * The organisation tree of the demo. Every unit a development token names is in it: the access
 * policy decides from the tree, and a token for a unit outside it is refused. Offices are coded
 * under their area (`xa-an-khanh/cong-an`) and facilities sit in the province they lie in. The
 * province-level bodies of Hải Phòng keep their short codes (`ca-tinh`, `vks-tinh`…).
 */
export const DEMO_TREE: readonly DemoUnit[] = [
  { code: nation, kind: 'NATIONAL', name: 'Bộ Công an', parent: null },
  // VBSP's head office records the lending rates in force for the whole country.
  { code: 'nhcsxh', kind: 'NATIONAL', name: 'Ngân hàng Chính sách xã hội (Hội sở chính)', parent: null },
  { code: province, kind: 'PROVINCE', name: 'Thành phố Hải Phòng', parent: null },
  { code: 'ca-tinh', kind: 'POLICE', name: `Công an ${HP}`, parent: province },
  { code: 'vks-tinh', kind: 'PROCURACY', name: `Viện kiểm sát nhân dân ${HP}`, parent: province },
  { code: 'toa-an-tinh', kind: 'COURT', name: `Tòa án nhân dân ${HP}`, parent: province },
  { code: 'mat-tran-tinh', kind: 'FRONT', name: `Ủy ban Mặt trận Tổ quốc Việt Nam ${HP}`, parent: province },
  { code: 'thanh-tra-tinh', kind: 'OFFICE', name: `Thanh tra ${HP}`, parent: province },
  { code: 'trai-giam-tinh', kind: 'FACILITY', name: `Trại tạm giam Công an ${HP}`, parent: province },
  { code: 'thads-tinh', kind: 'OFFICE', name: `Thi hành án dân sự ${HP}`, parent: province },
  { code: 'so-tu-phap', kind: 'OFFICE', name: `Sở Tư pháp ${HP}`, parent: province },
  { code: 'so-noi-vu', kind: 'OFFICE', name: `Sở Nội vụ ${HP}`, parent: province },
  { code: 'so-y-te', kind: 'OFFICE', name: `Sở Y tế ${HP}`, parent: province },
  ...anKhanhUnits,
  { code: otherCommune, kind: 'COMMUNE', name: 'Xã Minh Họa (giả định)', parent: province },
  ...officesOf(otherCommune, 'xã Minh Họa'),
  { code: ward, kind: 'WARD', name: 'Phường Lê Chân', parent: province },
  ...officesOf(ward, 'phường Lê Chân'),
  { code: otherProvince, kind: 'PROVINCE', name: 'Tỉnh Quảng Ninh', parent: null },
  { code: `${otherProvince}/cong-an`, kind: 'POLICE', name: `Công an ${QN}`, parent: otherProvince },
  {
    code: `${otherProvince}/vks`,
    kind: 'PROCURACY',
    name: `Viện kiểm sát nhân dân ${QN}`,
    parent: otherProvince,
  },
  { code: `${otherProvince}/toa-an`, kind: 'COURT', name: `Tòa án nhân dân ${QN}`, parent: otherProvince },
  {
    code: `${otherProvince}/mat-tran`,
    kind: 'FRONT',
    name: `Ủy ban Mặt trận Tổ quốc Việt Nam ${QN}`,
    parent: otherProvince,
  },
  {
    code: `${otherProvince}/trai-giam`,
    kind: 'FACILITY',
    name: `Trại tạm giam Công an ${QN}`,
    parent: otherProvince,
  },
  { code: otherProvinceCommune, kind: 'COMMUNE', name: 'Xã Thí Điểm (giả định)', parent: otherProvince },
  ...officesOf(otherProvinceCommune, 'xã Thí Điểm'),
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
 * round of Hải Phòng with dossiers at every stage, An Khánh's plan 13/KH-UBND with its tasks,
 * reports and a few dozen invented people, and a few cases in Quảng Ninh's invented commune.
 * Returns the number of commands recorded.
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
  await runOtherProvince(runner);
  return count;
}
