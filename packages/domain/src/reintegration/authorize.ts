import type { CommandMeta } from '../shared/command.js';
import { refuse } from '../shared/rules.js';
import { OVERSIGHT_ROLES, type Role } from '../shared/roles.js';
import { CASE_RULES } from './rules.js';
import type { CaseState } from './state.js';

/**
 * Refuses unless the actor's role may do this and, for a case that exists, the actor acts within
 * its commune. An assigned supervisor may act only on their own case.
 */
export function authorize(meta: CommandMeta, allowed: readonly Role[], state: CaseState): void {
  if (!allowed.includes(meta.role)) {
    refuse(
      OVERSIGHT_ROLES.includes(meta.role) ? CASE_RULES.oversightReadOnly : CASE_RULES.roleNotAllowed,
      meta.role,
    );
  }
  if (state.status === 'none') return;
  if (meta.role === 'supervisor') {
    const supervisor = state.status === 'supervised' ? state.supervisor : null;
    const theirs =
      supervisor?.kind === 'PERSON' ? supervisor.ref === meta.actor : supervisor?.ref === meta.unit;
    if (!theirs) refuse(CASE_RULES.notAssignedSupervisor);
    return;
  }
  if (!withinCommune(meta.unit, state.communeCode))
    refuse(CASE_RULES.outsideCommune, `${meta.unit} ≠ ${state.communeCode}`);
}

/** Units nest by path: commune police of `xa-an-khanh/cong-an` act within `xa-an-khanh`. */
export function withinCommune(unit: string, communeCode: string): boolean {
  return unit === communeCode || unit.startsWith(`${communeCode}/`);
}
