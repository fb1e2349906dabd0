import { z } from 'zod';
import { isRealDate, isWithinDateRange } from './dateRange.js';

/** What kind of personal data a field holds; access is granted per category (see protection/policy). */
export const PersonalCategory = z.enum([
  'identity',
  'id-number',
  'address',
  'criminal',
  'narrative',
  'income',
]);
export type PersonalCategory = z.infer<typeof PersonalCategory>;

/**
 * Marks a field as personal data (Decree 13/2023, Law 91/2025): the sealing layer encrypts every
 * field so marked before an event reaches a store, and unseals it only for roles entitled to its
 * category.
 */
export function personal<S extends z.ZodType>(schema: S, what: string, category: PersonalCategory): S {
  return schema.meta({ personal: true, category, description: what });
}

/** Whether a schema was marked with `personal`. */
export function isPersonal(schema: z.ZodType): boolean {
  return (schema.meta() as { personal?: boolean } | undefined)?.personal === true;
}

/** A birth date (`YYYY-MM-DD`) or, where only that is known, a birth year (`YYYY`): real, 1900–2100. */
const BirthDate = z
  .string()
  .regex(/^\d{4}(-\d{2}-\d{2})?$/, {
    error: 'ngày sinh phải có dạng YYYY-MM-DD hoặc YYYY (birth date must be YYYY-MM-DD or YYYY)',
    abort: true,
  })
  .refine((value) => (value.length === 4 ? true : isRealDate(value)), {
    error: 'ngày sinh không tồn tại (no such date)',
    abort: true,
  })
  .refine((value) => isWithinDateRange(value.length === 4 ? `${value}-01-01` : value), {
    error: 'ngày sinh phải trong khoảng 1900–2100 (birth date must be within 1900–2100)',
  });

/** The person a case is about: an internal id, and personal fields that are sealed at rest. */
export const PersonDetails = z
  .object({
    personId: z.uuid(),
    fullName: personal(z.string().min(1).max(200), 'Họ và tên', 'identity'),
    birthDate: personal(BirthDate, 'Ngày sinh (hoặc năm sinh)', 'identity'),
    idNumber: personal(
      z
        .string()
        .regex(/^\d{9}$|^\d{12}$/)
        .optional(),
      'Số định danh cá nhân / CMND',
      'id-number',
    ),
  })
  .strict();
export type PersonDetails = z.infer<typeof PersonDetails>;
