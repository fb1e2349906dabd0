import { readableBy, readableUnits, type OrgTree, type ReadCheck } from '@dacxa/commands';
import {
  descendantsAt,
  jurisdictionOf,
  localDateAt,
  type HolderTag,
  type Holders,
  type RecordKind,
} from '@dacxa/domain';
import type { Caller } from './auth.js';

export { ORG_UNITS_ID, ORG_UNITS_STREAM } from '@dacxa/commands';

/** Every read decision of the routes and /ws, asked of the one access policy over the unit tree. */
export interface UnitScope {
  /** The tree and the caller, for the policy's read checks. */
  check(caller: Caller, now: Date): Promise<ReadCheck>;
  /** Whether the caller may read a record of `kind` held by `holders`. */
  mayRead(caller: Caller, kind: RecordKind, holders: Holders, now: Date): Promise<boolean>;
  /** The units whose records of `kind` the caller reads through their `tag` holder (a view's query). */
  readableUnits(caller: Caller, kind: RecordKind, tag: HolderTag, now: Date): Promise<string[]>;
  /** The area the caller acts for (their commune, province or facility), or null outside the tree. */
  areaOf(caller: Caller, now: Date): Promise<string | null>;
  /** A unit and every unit under it in the tree on that day: an area's access log and export. */
  unitsUnder(unit: string, now: Date): Promise<string[]>;
  /** Whether a unit has ever been in the tree (or the tree is still empty): a token naming any other unit is refused. */
  knownUnit(unit: string): Promise<boolean>;
}

/** The policy's answers over the tree as the log has it now. */
export function createUnitScope(tree: OrgTree): UnitScope {
  const check = async (caller: Caller, now: Date): Promise<ReadCheck> => ({
    tree: await tree.current(),
    who: { actor: caller.actor, role: caller.role, unit: caller.unit },
    now,
  });
  return {
    check,
    async mayRead(caller, kind, holders, now) {
      return readableBy(await check(caller, now), kind, holders);
    },
    async readableUnits(caller, kind, tag, now) {
      return readableUnits(await check(caller, now), kind, tag);
    },
    async areaOf(caller, now) {
      return jurisdictionOf(await tree.current(), caller.unit, localDateAt(now.toISOString()));
    },
    async unitsUnder(unit, now) {
      return [unit, ...descendantsAt(await tree.current(), unit, localDateAt(now.toISOString()))];
    },
    async knownUnit(unit) {
      const units = await tree.current();
      // An empty tree knows no unit yet: the first admin token may found it (bootstrapsRegistry).
      return units[unit] !== undefined || Object.keys(units).length === 0;
    },
  };
}
