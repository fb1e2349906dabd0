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
  // Units nest by path: a village head of `xa-an-khanh/thon-3` acts within `xa-an-khanh`.
  const within = meta.unit === state.communeCode || meta.unit.startsWith(`${state.communeCode}/`);
  if (!within) refuse(CASE_RULES.outsideCommune, `${meta.unit} ≠ ${state.communeCode}`);
}
