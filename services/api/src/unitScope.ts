import {
  descendantsAt,
  evolveOrgUnits,
  initialOrgUnitsState,
  isWithin,
  localDateAt,
  readStoredEvent,
  withinCommune,
  type Holders,
  type OrgUnitEvent,
  type OrgUnitsState,
  type Role,
} from '@dacxa/domain';
import type { EventStore } from '@dacxa/event-store';
import { unitRoot } from '@dacxa/read-models';
import type { Caller } from './auth.js';

/** The stream of the organisation-unit tree (AGGREGATES['org-units'] under its one id). */
export const ORG_UNITS_STREAM = 'org-units-registry';
export const ORG_UNITS_ID = 'registry';

/** Who reads a round's work, which belongs to the province as a whole (LĐX 2018 ch. III–IV). */
const PROVINCE_READERS: readonly Role[] = [
  'amnesty-subcommittee',
  'provincial-police',
  'provincial-committee',
  'court',
  'facility-warden',
  'procuracy',
  'fatherland-front',
  'auditor',
  'admin',
];

export interface UnitScope {
  /** Whether the caller's unit holds, or lies above, a record held by `holders`. */
  covers(caller: Caller, holders: Holders, now: Date): Promise<boolean>;
  /** The unit and every unit under it in the tree today: the `in` list a view's scope selects. */
  unitsUnder(unit: string, now: Date): Promise<string[]>;
}

/**
 * Scope by the unit tree: a unit sees its own subtree (province ⊃ communes ⊃ villages). Offices
 * are coded by path under their commune (`xa-an-khanh/cong-an`), so the path decides inside a
 * commune and the org-unit tree, read from its stream, decides above it.
 */
export function createUnitScope(store: EventStore): UnitScope {
  let tree: OrgUnitsState = initialOrgUnitsState;
  let revision: number | null = null;

  // The tree changes rarely: re-read it only when its stream has moved on.
  async function current(): Promise<OrgUnitsState> {
    const head = await store.headRevision(ORG_UNITS_STREAM);
    if (head === revision) return tree;
    let next = initialOrgUnitsState;
    for await (const stored of store.readStream(ORG_UNITS_STREAM)) {
      next = evolveOrgUnits(next, readStoredEvent(stored) as OrgUnitEvent);
    }
    tree = next;
    revision = head;
    return tree;
  }

  async function holds(callerUnit: string, holder: string, now: Date): Promise<boolean> {
    if (withinCommune(holder, callerUnit) || withinCommune(callerUnit, holder)) return true;
    const above = unitRoot(callerUnit);
    return (
      above !== unitRoot(holder) &&
      isWithin(await current(), unitRoot(holder), above, localDateAt(now.toISOString()))
    );
  }

  return {
    async covers(caller, holders, now) {
      if (holders === 'province') return PROVINCE_READERS.includes(caller.role);
      for (const holder of holders) if (await holds(caller.unit, holder, now)) return true;
      return false;
    },
    async unitsUnder(unit, now) {
      const root = unitRoot(unit);
      return [root, ...descendantsAt(await current(), root, localDateAt(now.toISOString()))];
    },
  };
}
