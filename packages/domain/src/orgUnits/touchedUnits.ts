import { held, type Holders } from '../access/holders.js';
import type { OrgUnitCommand } from './orgUnits.js';
import { unitAt, type OrgUnitsState } from './registry.js';

/**
 * The units a change to the tree touches: an admin must stand over every one of them, so nobody can
 * move another province's commune (and with it its people's files) under their own.
 */
export function touchedUnits(command: OrgUnitCommand, state: OrgUnitsState): Holders {
  const unit = (code: string) => held('unit', code);
  switch (command.type) {
    case 'EstablishOrgUnit':
      return [unit(command.data.parent ?? command.data.code)];
    case 'RenameOrgUnit':
    case 'DissolveOrgUnit':
      return [unit(command.data.code)];
    case 'ReparentOrgUnit': {
      const before = unitAt(state, command.data.code, command.data.effectiveFrom)?.parent;
      return [command.data.code, command.data.parent, before].flatMap((code) => (code ? [unit(code)] : []));
    }
    case 'MergeOrgUnits':
      return [...command.data.codes, command.data.into].map(unit);
  }
}

/**
 * An empty registry takes its first unit from an administrator who establishes the national unit
 * their own token names: nothing else can be above it, and every later change is the policy's.
 */
export function bootstrapsRegistry(command: OrgUnitCommand, state: OrgUnitsState, unit: string): boolean {
  return (
    Object.keys(state).length === 0 &&
    command.type === 'EstablishOrgUnit' &&
    command.data.kind === 'NATIONAL' &&
    command.data.parent === null &&
    command.data.code === unit
  );
}
