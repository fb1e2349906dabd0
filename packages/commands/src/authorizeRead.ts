import {
  ACCESS_POLICY,
  localDateAt,
  permits,
  relationTo,
  type HolderTag,
  type Holders,
  type OrgUnitsState,
  type Principal,
  type RecordKind,
  type UnitKind,
} from '@dacxa/domain';

/** What a read decision needs: the tree, the caller and the instant of the request. */
export interface ReadCheck {
  tree: OrgUnitsState;
  who: Principal;
  now: Date;
}

/** Whether the caller may read a record held by `holders`. */
export function readableBy(check: ReadCheck, kind: RecordKind, holders: Holders): boolean {
  return permits(check.tree, check.who, kind, 'read', holders, localDateAt(check.now.toISOString()));
}

// A holder of these tags is always a unit of these kinds: a view never selects a village as a facility.
const TAG_KINDS: Partial<Record<HolderTag, readonly UnitKind[]>> = {
  commune: ['COMMUNE', 'WARD', 'SPECIAL_ZONE'],
  destination: ['COMMUNE', 'WARD', 'SPECIAL_ZONE'],
  province: ['PROVINCE'],
  facility: ['FACILITY'],
};

/**
 * The units whose records of `kind` the caller may read through a grant on one holder `tag`
 * alone (e.g. the communes whose case files a provincial procuracy reads): what a view's query
 * selects before each document is checked against the policy itself. Empty when no such grant.
 */
export function readableUnits(check: ReadCheck, kind: RecordKind, tag: HolderTag): string[] {
  if (check.who.role === 'system') return Object.keys(check.tree);
  const grants = ACCESS_POLICY[kind].read[check.who.role] ?? [];
  const date = localDateAt(check.now.toISOString());
  const relations = grants.flatMap((grant) =>
    grant.length === 1 && grant[0]?.tag === tag ? grant[0].relations : [],
  );
  if (relations.length === 0) return [];
  const kinds = TAG_KINDS[tag];
  return Object.keys(check.tree).filter((unit) => {
    const unitKind = check.tree[unit]?.kind;
    if (kinds && (unitKind === undefined || !kinds.includes(unitKind))) return false;
    const relation = relationTo(check.tree, check.who, { tag, unit }, date);
    return relation !== null && relations.includes(relation);
  });
}
