import { AGGREGATES } from '@dacxa/domain';
import { AN_KHANH, runAnKhanh, runProvince2024, type ScenarioRunner } from '@dacxa/domain/scenarios';
import type { EventStore } from '@dacxa/event-store';
import type { Sealer } from '@dacxa/protection';
import { loadStream } from './loadStream.js';
import { runCommand } from './runCommand.js';
import { ORG_UNITS_ID } from './unitScope.js';

/** The province and communes of the demo: real place names, invented people only. */
export const DEMO_UNITS = {
  province: 'tp-ha-noi',
  commune: AN_KHANH,
  otherCommune: 'xa-minh-hoa',
  otherProvince: 'tp-hai-phong',
  ward: 'phuong-le-chan',
} as const;

const ORG_UNITS: Array<{ code: string; kind: string; name: string; parent: string | null }> = [
  { code: DEMO_UNITS.province, kind: 'PROVINCE', name: 'Thành phố Hà Nội', parent: null },
  { code: DEMO_UNITS.commune, kind: 'COMMUNE', name: 'Xã An Khánh', parent: DEMO_UNITS.province },
  {
    code: DEMO_UNITS.otherCommune,
    kind: 'COMMUNE',
    name: 'Xã Minh Họa (giả định)',
    parent: DEMO_UNITS.province,
  },
  { code: DEMO_UNITS.otherProvince, kind: 'PROVINCE', name: 'Thành phố Hải Phòng', parent: null },
  { code: DEMO_UNITS.ward, kind: 'WARD', name: 'Phường Lê Chân', parent: DEMO_UNITS.otherProvince },
];

export interface SeedOptions {
  /** People of An Khánh at different stages (at least the scenario's five). */
  people?: number;
  /** Dossiers of the 2024 round beyond the scenario's four, granted and released. */
  granted?: number;
  pending?: number;
  /** Called after each recorded command, for progress. */
  onCommand?: (count: number) => void;
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
  const runner: ScenarioRunner = {
    async run(kind, id, command) {
      await runCommand(store, sealer, AGGREGATES[kind], `${kind}-${id}`, command);
      options.onCommand?.(++count);
    },
    state: async (kind, id) =>
      (await loadStream(store, sealer, AGGREGATES[kind], `${kind}-${id}`)).state as never,
  };
  for (const unit of ORG_UNITS) {
    await runCommand(store, sealer, AGGREGATES['org-units'], `org-units-${ORG_UNITS_ID}`, {
      type: 'EstablishOrgUnit',
      data: { ...unit, effectiveFrom: '2025-07-01' },
      meta: { actor: 'u-admin', role: 'admin', unit: 'he-thong', now: '2025-07-01T01:00:00Z' },
    });
    options.onCommand?.(++count);
  }
  await runProvince2024(runner, {
    granted: options.granted ?? 6,
    pending: options.pending ?? 2,
    openCases: true,
  });
  await runAnKhanh(runner, { people: options.people ?? 30 });
  return count;
}
