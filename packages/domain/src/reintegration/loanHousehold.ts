import { z } from 'zod';
import { cite } from '../shared/legalBasis.js';
import { LocalDate } from '../shared/localDate.js';
import { personal } from '../shared/personal.js';
import { defineRule, ensure, refuse } from '../shared/rules.js';

/** How the representative is related to the person who served the sentence. */
export const HouseholdRelationship = z.enum([
  'SPOUSE',
  'PARENT',
  'CHILD',
  'SIBLING',
  'GRANDPARENT',
  'GRANDCHILD',
  'OTHER_RELATIVE',
]);
export type HouseholdRelationship = z.infer<typeof HouseholdRelationship>;

/**
 * Who borrows (QĐ22 4(1)(a)): VBSP lends through the household, its representative borrowing;
 * the person borrows in their own name when they represent the household, or when no other adult
 * able to work remains in it (DOMAIN.md §4.4) — then the loan is not through the household.
 */
// A plain union, not a discriminated one: the sealer finds personal fields through `anyOf` only.
export const LoanHousehold = z.union([
  z
    .object({
      borrower: z.literal('REPRESENTATIVE'),
      fullName: personal(z.string().min(1).max(200), 'Họ tên người đại diện hộ gia đình', 'identity'),
      birthDate: personal(LocalDate, 'Ngày sinh người đại diện hộ gia đình', 'identity'),
      relationship: HouseholdRelationship,
    })
    .strict(),
  z
    .object({
      borrower: z.literal('PERSON'),
      ground: z.enum(['REPRESENTS_HOUSEHOLD', 'NO_OTHER_ADULT_ABLE_TO_WORK']),
    })
    .strict(),
]);
export type LoanHousehold = z.infer<typeof LoanHousehold>;

export const HOUSEHOLD_RULES = {
  missing: defineRule({
    id: 'loan.household-representative-missing',
    kind: 'illegal-state',
    vi: 'Đề nghị vay chưa ghi người đại diện hộ gia đình vay vốn và quan hệ với người chấp hành xong án',
    en: 'The application does not name the household representative and the relationship',
    basis: cite('QĐ22', '4(1)(a)'),
  }),
  inconsistent: defineRule({
    id: 'loan.household-inconsistent',
    kind: 'illegal-state',
    vi: 'Thông tin vay qua hộ gia đình không thống nhất: chỉ cho vay trực tiếp người chấp hành xong án khi hộ không còn người trưởng thành có khả năng lao động',
    en: 'The household details disagree: only when no other adult able to work remains is the loan not through the household',
    basis: cite('QĐ22', '4(1)(a)'),
  }),
  minorRepresentative: defineRule({
    id: 'loan.household-representative-minor',
    kind: 'illegal-state',
    vi: 'Người đại diện hộ gia đình vay vốn phải đủ 18 tuổi',
    en: 'The household representative who borrows must be an adult',
    basis: cite('QĐ22', '4(1)(a)'),
  }),
} as const;

const ADULT_YEARS = 18;

function adultOn(birthDate: string, day: string): boolean {
  return `${Number(birthDate.slice(0, 4)) + ADULT_YEARS}${birthDate.slice(4)}` <= day;
}

/** Refuses an application whose borrower is not the household's, as QĐ 22 lends. */
export function checkHousehold(
  household: LoanHousehold | undefined,
  viaHousehold: boolean,
  appliedOn: string,
): void {
  if (!household) return refuse(HOUSEHOLD_RULES.missing);
  const direct = household.borrower === 'PERSON' && household.ground === 'NO_OTHER_ADULT_ABLE_TO_WORK';
  ensure(viaHousehold === !direct, HOUSEHOLD_RULES.inconsistent, `viaHousehold=${viaHousehold}`);
  if (household.borrower === 'REPRESENTATIVE')
    ensure(adultOn(household.birthDate, appliedOn), HOUSEHOLD_RULES.minorRepresentative);
}
