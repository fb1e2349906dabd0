import { OVERSIGHT_ROLES, type Role } from '@dacxa/domain';
import type { Caller } from './auth.js';
import { HttpProblem } from './problems.js';
import type { UnitScope } from './unitScope.js';

/** Who may list an area's reads and export its log: the oversight bodies, auditors and admins. */
const AUDIT_READERS: readonly Role[] = [...OVERSIGHT_ROLES, 'auditor', 'admin'];

/** Refuses (403) anyone but an audit reader whose unit holds `unit`. */
export async function ensureAuditReader(
  scope: UnitScope,
  caller: Caller,
  unit: string,
  now: Date,
  refusal: string,
): Promise<void> {
  if (!AUDIT_READERS.includes(caller.role) || !(await scope.covers(caller, [unit], now)))
    throw new HttpProblem(403, 'ERR_FORBIDDEN', refusal);
}
