import type { CommandMeta } from '../shared/command.js';
import { refuse } from '../shared/rules.js';
import { OVERSIGHT_ROLES, type Role } from '../shared/roles.js';
import { CASE_RULES } from './rules.js';

/**
 * Refuses unless the actor's role may take this step. To whose cases the actor may do it (their
 * commune, the village they head, the cases assigned to them, a merged commune's successor) is
 * the access policy's to decide (access/policy.ts), asked by the command handler before and after
 * deciding, over the unit tree as it stood that day.
 */
export function authorize(meta: CommandMeta, allowed: readonly Role[]): void {
  if (!allowed.includes(meta.role)) {
    refuse(
      OVERSIGHT_ROLES.includes(meta.role) ? CASE_RULES.oversightReadOnly : CASE_RULES.roleNotAllowed,
      meta.role,
    );
  }
}

/** Units nest by path: commune police of `xa-an-khanh/cong-an` act within `xa-an-khanh`. */
export function withinCommune(unit: string, communeCode: string): boolean {
  return unit === communeCode || unit.startsWith(`${communeCode}/`);
}
