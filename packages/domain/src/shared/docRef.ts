import { z } from 'zod';
import { LocalDate } from './localDate.js';

/** The paper document an event records: its number and symbol (số, ký hiệu) and its date. */
export const DocRef = z
  .object({
    number: z.string().min(1).max(100).meta({ description: 'Số, ký hiệu, e.g. 13/KH-UBND' }),
    date: LocalDate,
    issuer: z.string().min(1).max(200).optional(),
    form: z
      .string()
      .regex(/^[A-Z]{2,4}-\d{2}$|^Mẫu \d{2}$/u)
      .optional()
      .meta({ description: 'Biểu mẫu, e.g. HCD-07 (TT10) or Mẫu 01 (QĐ22)' }),
  })
  .strict();
export type DocRef = z.infer<typeof DocRef>;
