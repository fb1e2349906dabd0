import { held } from '@dacxa/domain';
import type { Caller } from './auth.js';
import { HttpProblem } from './problems.js';
import type { UnitScope } from './unitScope.js';

/**
 * Refuses (403) unless the access policy lets the caller read the audit trail of `unit`: the
 * oversight bodies, auditors and admins of that area or above it.
 */
export async function ensureAuditReader(
  scope: UnitScope,
  caller: Caller,
  unit: string,
  now: Date,
  refusal: string,
): Promise<void> {
  if (!(await scope.mayRead(caller, 'audit', [held('unit', unit)], now)))
    throw new HttpProblem(403, 'ERR_FORBIDDEN', refusal);
}
