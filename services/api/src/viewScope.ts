import { readableBy, readableUnits, type ReadCheck } from '@dacxa/commands';
import { localDateAt, unitAt, type Holders, type RecordKind } from '@dacxa/domain';
import type { Access } from '@dacxa/protection';
import { fieldOf, matches, type Condition } from '@dacxa/read-models';
import { accessFor } from './accessFor.js';
import type { Caller } from './auth.js';
import { HttpProblem } from './problems.js';
import type { UnitScope } from './unitScope.js';
import { documentKind, type ViewAccess, type ViewSpec } from './viewCatalogue.js';

/** What a caller may read of a view: the documents' condition and how their sealed fields open. */
export interface ViewScope {
  where: Record<string, Condition>;
  access: Access;
  /** The unit the read is recorded under in the access log: the caller's own area, never one typed in. */
  scopeUnit: string;
  /** Whether a document is the caller's to read, by the access policy (for the live feed, and every page). */
  includes(doc: Record<string, unknown>): boolean;
}

const refused = () => new HttpProblem(403, 'ERR_FORBIDDEN', 'Đơn vị này không thuộc phạm vi của bạn');

/**
 * Inside a commune, a village head reads only the cases of their village and an assigned
 * supervisor only the cases assigned to them (DOMAIN.md §1, §4.4): no unit list expresses that.
 */
function narrowCaseQuery(check: ReadCheck): Record<string, Condition> | null {
  const { who, tree, now } = check;
  if (who.role === 'supervisor') return { supervisorRef: { in: [who.actor, who.unit] } };
  if (who.role !== 'village-head') return null;
  const village = unitAt(tree, who.unit, localDateAt(now.toISOString()));
  if (!village?.parent || (village.kind !== 'VILLAGE' && village.kind !== 'RESIDENTIAL_GROUP')) return null;
  return { communeCode: { in: [village.parent] }, village: { in: [village.name] } };
}

/**
 * The units the caller reads the view's records through (by its holder tag, or per kind of record
 * for a view of several kinds), each with the value the view's indexed field holds for it.
 */
function readableKeys(check: ReadCheck, access: ViewAccess): Array<{ unit: string; key: string }> {
  if (!('kinds' in access))
    return readableUnits(check, access.kind, access.tag).map((unit) => ({ unit, key: unit }));
  return Object.entries(access.kinds).flatMap(([kind, tag]) =>
    readableUnits(check, kind as RecordKind, tag).map((unit) => ({ unit, key: access.key(kind, unit) })),
  );
}

const readable = (check: ReadCheck, kind: RecordKind | null, holders: Holders): boolean =>
  kind !== null && readableBy(check, kind, holders);

/**
 * A view read by `caller`, optionally narrowed to the units under `unit`: the query selects the
 * units the policy grants through the view's holder field, and every document is then checked
 * against the policy itself. Refused with 403 when the caller may read none of it.
 */
export async function viewScope(
  scope: UnitScope,
  caller: Caller,
  view: ViewSpec,
  unit: string | undefined,
  now: Date,
): Promise<ViewScope> {
  const check = await scope.check(caller, now);
  const area = (await scope.areaOf(caller, now)) ?? caller.unit;
  const units = readableKeys(check, view.access);
  let where: Record<string, Condition>;
  if (units.length > 0) {
    // A unit asked for must itself be one the caller reads: a commune does not get a province's board.
    if (unit !== undefined && !units.some((u) => u.unit === unit)) throw refused();
    const under = unit === undefined ? null : new Set(await scope.unitsUnder(unit, now));
    const selected = under ? units.filter((u) => under.has(u.unit)) : units;
    where = { [view.access.field]: { in: [...new Set(selected.map((u) => u.key))] } };
  } else {
    const single = 'kind' in view.access ? view.access.kind : null;
    const narrow = single === 'case' && unit === undefined ? narrowCaseQuery(check) : null;
    if (!narrow) throw refused();
    where = narrow;
  }
  return {
    where,
    access: accessFor(caller),
    scopeUnit: area,
    includes: (doc) =>
      Object.entries(where).every(([field, condition]) => matches(fieldOf(doc, field), condition)) &&
      readable(check, documentKind(view.access, doc), view.access.holders(doc)),
  };
}
