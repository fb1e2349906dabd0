import type { LocalDate } from '../shared/localDate.js';
import type { OrgUnitEvent, UnitKind } from './events.js';

/** One period of a unit's life: its name and parent from `from` until the day before `to`. */
interface Period {
  from: LocalDate;
  to: LocalDate | null;
  name: string;
  parent: string | null;
}

interface Unit {
  kind: UnitKind;
  periods: Period[];
  mergedInto: string | null;
}

/** The organisation tree through time: every unit's periods, and where merged units went. */
export type OrgUnitsState = Readonly<Record<string, Unit>>;
export const initialOrgUnitsState: OrgUnitsState = {};

/** Ends the open period at `date` and, unless the unit ends, opens one with `change` applied. */
function change(unit: Unit, date: LocalDate, update: Partial<Period> | null): Unit {
  const open = unit.periods.at(-1);
  if (!open || open.to !== null) return unit;
  const closed = { ...open, to: date };
  const periods = [
    ...unit.periods.slice(0, -1),
    closed,
    ...(update ? [{ ...open, ...update, from: date, to: null }] : []),
  ];
  return { ...unit, periods };
}

export function evolveOrgUnits(state: OrgUnitsState, event: OrgUnitEvent): OrgUnitsState {
  switch (event.type) {
    case 'OrgUnitEstablished':
      return {
        ...state,
        [event.data.code]: {
          kind: event.data.kind,
          mergedInto: null,
          periods: [
            { from: event.data.effectiveFrom, to: null, name: event.data.name, parent: event.data.parent },
          ],
        },
      };
    case 'OrgUnitRenamed':
    case 'OrgUnitReparented': {
      const unit = state[event.data.code];
      const update =
        event.type === 'OrgUnitRenamed' ? { name: event.data.name } : { parent: event.data.parent };
      return unit ? { ...state, [event.data.code]: change(unit, event.data.effectiveFrom, update) } : state;
    }
    case 'OrgUnitDissolved': {
      const unit = state[event.data.code];
      return unit ? { ...state, [event.data.code]: change(unit, event.data.effectiveFrom, null) } : state;
    }
    case 'OrgUnitsMerged': {
      const next = { ...state };
      for (const code of event.data.codes) {
        const unit = next[code];
        if (unit)
          next[code] = { ...change(unit, event.data.effectiveFrom, null), mergedInto: event.data.into };
      }
      return next;
    }
  }
}

/** A unit as it stood on a date, or null if it did not exist then. */
export function unitAt(
  state: OrgUnitsState,
  code: string,
  date: LocalDate,
): (Period & { code: string; kind: UnitKind }) | null {
  const unit = state[code];
  const period = unit?.periods.find((p) => p.from <= date && (p.to === null || date < p.to));
  return unit && period ? { ...period, code, kind: unit.kind } : null;
}

/** The chain of parents of a unit on a date, nearest first. */
export function ancestorsAt(state: OrgUnitsState, code: string, date: LocalDate): string[] {
  const out: string[] = [];
  for (
    let parent = unitAt(state, code, date)?.parent ?? null;
    parent !== null && !out.includes(parent);
    parent = unitAt(state, parent, date)?.parent ?? null
  ) {
    out.push(parent);
  }
  return out;
}

/** Whether `unit` lies in `ancestor`'s subtree on a date (a unit is within itself). */
export function isWithin(state: OrgUnitsState, unit: string, ancestor: string, date: LocalDate): boolean {
  return unit === ancestor
    ? unitAt(state, unit, date) !== null
    : ancestorsAt(state, unit, date).includes(ancestor);
}

/** Where a unit's responsibilities went: itself, or the unit it was (transitively) merged into. */
export function successorOf(state: OrgUnitsState, code: string): string {
  const seen = new Set<string>();
  let current = code;
  while (state[current]?.mergedInto && !seen.has(current)) {
    seen.add(current);
    current = state[current]?.mergedInto ?? current;
  }
  return current;
}

/** The units in a unit's subtree on a date (optionally of one kind): e.g. a province's communes. */
export function descendantsAt(
  state: OrgUnitsState,
  code: string,
  date: LocalDate,
  kinds?: readonly UnitKind[],
): string[] {
  return Object.keys(state).filter((unit) => {
    const found = unitAt(state, unit, date);
    return (
      found !== null &&
      unit !== code &&
      (!kinds || kinds.includes(found.kind)) &&
      ancestorsAt(state, unit, date).includes(code)
    );
  });
}
