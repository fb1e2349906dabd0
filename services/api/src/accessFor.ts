import type { Role } from '@dacxa/domain';
import type { Access, Purpose } from '@dacxa/protection';
import type { Caller } from './auth.js';

/** Why each role reads a record: the purpose its unsealing states (policy.ts decides what it sees). */
const PURPOSE: Partial<Record<Role, Purpose>> = {
  supervisor: 'supervision',
  'village-head': 'supervision',
  procuracy: 'oversight',
  'fatherland-front': 'oversight',
  'amnesty-subcommittee': 'amnesty-review',
  vbsp: 'lending',
  'commune-culture-office': 'support',
  'commune-economic-office': 'support',
  'commune-service-centre': 'support',
};

/** How a caller reads a record: asked only once unitScope.ts has found it inside the caller's unit. */
export function accessFor(caller: Caller): Access {
  return { role: caller.role, purpose: PURPOSE[caller.role] ?? 'case-management', inScope: true };
}
