import { z } from 'zod';
import { DocRef } from '../shared/docRef.js';
import { defineEvent } from '../shared/defineEvent.js';
import { cite } from '../shared/legalBasis.js';
import { LocalDate } from '../shared/localDate.js';
import { CommuneCode } from './values.js';

/** A calendar month, `YYYY-MM`: the commune police draw the list up each month (QĐ22 14(2)(c)). */
const ListMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/u);

/** One person on the list, by case and person id only: a report joins names from the cases it may read. */
export const ListEntry = z.object({ caseId: z.uuid(), personId: z.uuid() }).strict();
export type ListEntry = z.infer<typeof ListEntry>;

export const LoanEligibilityListDrawnUp = defineEvent({
  type: 'LoanEligibilityListDrawnUp',
  version: 1,
  aggregate: 'loan-list',
  label: {
    vi: 'Lập danh sách người chấp hành xong án phạt tù đủ điều kiện vay vốn (Mẫu 01)',
    en: 'Loan eligibility list drawn up (Mẫu 01)',
  },
  emittedBy: ['commune-police'],
  basis: [cite('QĐ22', '3(2)(a)'), cite('QĐ22', '14(2)(c)')],
  schema: z
    .object({
      listId: z.uuid(),
      communeCode: CommuneCode,
      month: ListMonth,
      /** The Mẫu 01 paper itself; the commune People's Committee confirms this same paper. */
      list: DocRef,
      drawnUpOn: LocalDate,
      // Names and count for the monthly report are these entries; a case appears at most once.
      entries: z.array(ListEntry).min(1).max(5000),
    })
    .strict(),
});

/** Every event of a Mẫu 01 list's stream (`loan-list-<listId>`). */
export const LOAN_LIST_EVENTS = [LoanEligibilityListDrawnUp] as const;
