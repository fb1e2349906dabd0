import type { PersonalCategory, Role } from '@dacxa/domain';

/** Why personal data is being read; every unsealing states one. */
export type Purpose =
  | 'case-management'
  | 'supervision'
  | 'support'
  | 'oversight'
  | 'amnesty-review'
  | 'lending'
  | 'subject-access'
  | 'processing';

/** Who reads, why, and whether the record lies in their unit's subtree (the caller decides that). */
export interface Access {
  role: Role;
  purpose: Purpose;
  inScope: boolean;
}

/** What a reader not entitled to a field sees instead. */
export const REDACTED = '[ẩn]';
/** What everyone sees where erased data was. */
export const ERASED = '[đã xóa]';

const all: PersonalCategory[] = ['identity', 'id-number', 'address', 'criminal', 'narrative', 'income'];

/**
 * Which categories each role may read, and for which purposes. Data minimisation: supervisors and
 * village heads see who and where, not offences; auditors and administrators see none.
 */
export const ACCESS_POLICY: Record<
  Role,
  { categories: readonly PersonalCategory[]; purposes: readonly Purpose[] }
> = {
  'commune-police': {
    categories: all,
    purposes: ['case-management', 'support', 'lending', 'subject-access'],
  },
  // The chair also confirms the commune police's Mẫu 01 loan list for VBSP (QĐ 22 3(2)(a)).
  'commune-chair': {
    categories: ['identity', 'id-number', 'address', 'criminal', 'narrative'],
    purposes: ['case-management', 'lending'],
  },
  // Signs for the chair (KT. Chủ tịch): reads what the chair reads, for the same purposes.
  'commune-deputy-chair': {
    categories: ['identity', 'id-number', 'address', 'criminal', 'narrative'],
    purposes: ['case-management', 'lending'],
  },
  'commune-culture-office': { categories: ['identity', 'address', 'income'], purposes: ['support'] },
  'commune-economic-office': { categories: ['identity', 'address', 'income'], purposes: ['support'] },
  'commune-service-centre': { categories: [], purposes: [] },
  'village-head': { categories: ['identity', 'address'], purposes: ['supervision'] },
  supervisor: { categories: ['identity', 'address', 'narrative'], purposes: ['supervision'] },
  procuracy: {
    categories: ['identity', 'id-number', 'address', 'criminal', 'narrative'],
    purposes: ['oversight'],
  },
  'fatherland-front': { categories: ['identity', 'address'], purposes: ['oversight', 'supervision'] },
  'provincial-police': {
    categories: ['identity', 'id-number', 'criminal'],
    purposes: ['case-management', 'amnesty-review'],
  },
  'amnesty-subcommittee': { categories: ['identity', 'id-number', 'criminal'], purposes: ['amnesty-review'] },
  'provincial-committee': { categories: [], purposes: [] },
  court: { categories: ['identity', 'id-number', 'criminal'], purposes: ['amnesty-review'] },
  'facility-warden': {
    categories: ['identity', 'id-number', 'criminal', 'address'],
    purposes: ['amnesty-review'],
  },
  vbsp: { categories: ['identity', 'id-number', 'income'], purposes: ['lending'] },
  // Certifying bodies write papers about a person; they need who the person is, not the case file.
  'civil-enforcement': { categories: ['identity', 'id-number'], purposes: ['amnesty-review'] },
  'provincial-justice-dept': { categories: ['identity', 'id-number'], purposes: ['amnesty-review'] },
  'provincial-home-affairs-dept': { categories: ['identity', 'id-number'], purposes: ['amnesty-review'] },
  'provincial-health-dept': { categories: ['identity', 'id-number'], purposes: ['amnesty-review'] },
  auditor: { categories: [], purposes: [] },
  admin: { categories: [], purposes: [] },
  system: { categories: all, purposes: ['processing', 'subject-access'] },
};

/** Whether this access may read a field of this category. */
export function mayRead(access: Access, category: PersonalCategory): boolean {
  const policy = ACCESS_POLICY[access.role];
  return access.inScope && policy.purposes.includes(access.purpose) && policy.categories.includes(category);
}
