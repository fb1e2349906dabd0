import type { OrgUnitsState } from '../orgUnits/registry.js';
import type { LocalDate } from '../shared/localDate.js';
import type { Role } from '../shared/roles.js';
import type { Holders } from './holders.js';
import { jurisdictionOf, relationTo, type Who } from './jurisdiction.js';
import { ACCESS_POLICY, type Action, type Grant, type RecordKind } from './policy.js';

/** A caller as the policy takes it: who, in which role, for which unit. */
export interface Principal extends Who {
  role: Role;
}

function holds(
  tree: OrgUnitsState,
  who: Principal,
  grant: Grant,
  holders: Holders,
  date: LocalDate,
): boolean {
  return grant.every((requirement) => {
    const tagged = holders.filter((h) => h.tag === requirement.tag);
    const fits = (h: (typeof tagged)[number]) => {
      const relation = relationTo(tree, who, h, date);
      return relation !== null && requirement.relations.includes(relation);
    };
    // `every` holds vacuously: a finding with no recommendation yet addresses no one.
    return requirement.every ? tagged.every(fits) : tagged.some(fits);
  });
}

/**
 * Whether the policy lets `who` take `action` on a record held by `holders`, by the tree on `date`.
 * The service's own role (`system`) acts everywhere; a person acts only for a unit that exists on
 * that date, so a dissolved or merged commune can record nothing new.
 */
export function permits(
  tree: OrgUnitsState,
  who: Principal,
  kind: RecordKind,
  action: Action,
  holders: Holders,
  date: LocalDate,
): boolean {
  if (who.role === 'system') return true;
  if (jurisdictionOf(tree, who.unit, date) === null) return false;
  const options = ACCESS_POLICY[kind][action][who.role] ?? [];
  return options.some((grant) => holds(tree, who, grant, holders, date));
}
