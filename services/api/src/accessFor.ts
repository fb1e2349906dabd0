import { withinCommune, type Role } from '@dacxa/domain';
import type { Access, Purpose } from '@dacxa/protection';
import type { Caller } from './auth.js';

/** Why each role reads a case: the purpose its unsealing states (policy.ts decides what it sees). */
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

/**
 * How a caller may read a record held by `unit` (a case's commune). Units are path-like codes
 * (`xa-an-khanh/commune-police`): a caller sees its own subtree, and an office inside a commune
 * sees that commune's records.
 */
export function accessFor(caller: Caller, unit: string | undefined): Access {
  const inScope =
    unit !== undefined && (withinCommune(unit, caller.unit) || withinCommune(caller.unit, unit));
  return { role: caller.role, purpose: PURPOSE[caller.role] ?? 'case-management', inScope };
}
