import type { UnitKind } from '../orgUnits/events.js';
import { isWithin, successorOf, unitAt, type OrgUnitsState } from '../orgUnits/registry.js';
import type { LocalDate } from '../shared/localDate.js';
import type { Holder } from './holders.js';

/**
 * How the caller's unit stands to a holder of a record, by the organisation tree on a date:
 * `same` (the same jurisdiction), `over` (the holder lies inside the caller's jurisdiction),
 * `under` (the caller lies inside the holder's), `assigned` (the caller is the person or
 * organisation assigned to a case), `village` (the caller heads the village of the residence).
 */
export type Relation = 'same' | 'over' | 'under' | 'assigned' | 'village';

/** The caller as the policy sees it. */
export interface Who {
  actor: string;
  unit: string;
}

// Units that answer for an area or an institution of their own; offices act for the unit above them.
const AREAS: ReadonlySet<UnitKind> = new Set<UnitKind>([
  'NATIONAL',
  'PROVINCE',
  'DISTRICT',
  'COMMUNE',
  'WARD',
  'SPECIAL_ZONE',
  'VILLAGE',
  'RESIDENTIAL_GROUP',
  'FACILITY',
]);

/** Where a unit's responsibilities are on a date: itself, or the unit it was merged into. */
export function currentHolder(tree: OrgUnitsState, code: string, date: LocalDate): string {
  return unitAt(tree, code, date) === null ? successorOf(tree, code) : code;
}

/**
 * The area a unit acts for on a date: the unit itself if it is an area (a province, commune,
 * village, facility or national body), otherwise the nearest area above it (the commune police act
 * for their commune, the provincial procuracy for its province); null for a unit not in the tree then.
 */
export function jurisdictionOf(tree: OrgUnitsState, code: string, date: LocalDate): string | null {
  const seen = new Set<string>();
  for (let current: string | null = code; current !== null && !seen.has(current);) {
    seen.add(current);
    const unit = unitAt(tree, current, date);
    if (unit === null) return null;
    if (AREAS.has(unit.kind)) return current;
    current = unit.parent;
  }
  return null;
}

const isNational = (tree: OrgUnitsState, code: string, date: LocalDate) =>
  unitAt(tree, code, date)?.kind === 'NATIONAL';

const sameName = (a: string, b: string) =>
  a.normalize('NFC').trim().toLocaleLowerCase('vi') === b.normalize('NFC').trim().toLocaleLowerCase('vi');

/** How `who` stands to one holder of a record on `date`; null when unrelated. */
export function relationTo(tree: OrgUnitsState, who: Who, holder: Holder, date: LocalDate): Relation | null {
  if (holder.tag === 'supervisor')
    return holder.unit === who.actor || holder.unit === who.unit ? 'assigned' : null;
  const mine = jurisdictionOf(tree, who.unit, date);
  if (mine === null) return null;
  if (holder.tag === 'village') {
    const village = unitAt(tree, mine, date);
    const isVillage = village?.kind === 'VILLAGE' || village?.kind === 'RESIDENTIAL_GROUP';
    const commune = currentHolder(tree, holder.unit, date);
    return isVillage && village.parent === commune && sameName(village.name, holder.name ?? '')
      ? 'village'
      : null;
  }
  const theirs = jurisdictionOf(tree, currentHolder(tree, holder.unit, date), date);
  // A national body stands over every unit, a new province not yet in the tree included.
  if (isNational(tree, mine, date)) return theirs === mine ? 'same' : 'over';
  if (theirs === null) return null;
  if (theirs === mine) return 'same';
  if (isWithin(tree, theirs, mine, date)) return 'over';
  if (isWithin(tree, mine, theirs, date)) return 'under';
  return null;
}
