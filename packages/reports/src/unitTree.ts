import type { RecordedEvent } from '@dacxa/event-store';
import {
  descendantsAt,
  evolveOrgUnits,
  initialOrgUnitsState,
  unitAt,
  type OrgUnitEvent,
  type OrgUnitsState,
  type UnitKind,
} from '@dacxa/domain';
import { ReportError } from './errors.js';

/** The administrative units whose cases a report counts. */
const AREA_KINDS: readonly UnitKind[] = ['COMMUNE', 'WARD', 'SPECIAL_ZONE'];

/** A unit as a report names it: code, kind, name, and its parent's name (for "Nơi nhận"). */
export interface UnitInfo {
  code: string;
  kind: UnitKind;
  name: string;
  parentName: string | null;
}

/** The organisation tree folded from the log's org-units stream, as it stood at the report's position. */
export function createTreeFold() {
  let tree: OrgUnitsState = initialOrgUnitsState;
  return {
    visit(event: RecordedEvent): void {
      if (event.stream.startsWith('org-units-'))
        tree = evolveOrgUnits(tree, { type: event.type, data: event.data } as OrgUnitEvent);
    },
    get tree(): OrgUnitsState {
      return tree;
    },
  };
}

/** A unit on a date, or ERR_UNKNOWN_UNIT. */
export function unitInfo(tree: OrgUnitsState, code: string, date: string): UnitInfo {
  const unit = unitAt(tree, code, date) ?? lastKnown(tree, code);
  if (!unit)
    throw new ReportError(
      'ERR_UNKNOWN_UNIT',
      `Không có đơn vị ${code.slice(0, 80)} trong cây đơn vị`,
      'unit not in the tree',
    );
  const parent = unit.parent ? (unitAt(tree, unit.parent, date) ?? lastKnown(tree, unit.parent)) : null;
  return { code, kind: unit.kind, name: unit.name, parentName: parent?.name ?? null };
}

function lastKnown(tree: OrgUnitsState, code: string) {
  const unit = tree[code];
  const period = unit?.periods.at(-1);
  return unit && period ? { ...period, code, kind: unit.kind } : null;
}

/** The communes and wards a report on `code` covers on `date`: itself if it is one, else those under it. */
export function areasOf(tree: OrgUnitsState, code: string, date: string): string[] {
  const self = unitInfo(tree, code, date);
  const under = descendantsAt(tree, code, date, AREA_KINDS);
  return AREA_KINDS.includes(self.kind) ? [code, ...under] : under.sort();
}

/** The widest unit of the tree: the one with no parent and the most units under it. */
export function widestUnit(tree: OrgUnitsState, date: string): string | null {
  const roots = Object.keys(tree).filter((code) => {
    const unit = unitAt(tree, code, date) ?? lastKnown(tree, code);
    return unit !== null && unit.parent === null;
  });
  const size = (code: string) => descendantsAt(tree, code, date).length;
  return roots.sort((a, b) => size(b) - size(a) || (a < b ? -1 : 1))[0] ?? null;
}
