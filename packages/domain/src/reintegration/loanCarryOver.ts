import { z } from 'zod';
import { defineEvent, eventOf, type EventOf } from '../shared/defineEvent.js';
import { cite } from '../shared/legalBasis.js';
import { LoanPurpose } from './loanEvents.js';
import type { CaseState, LoanState } from './state.js';
import { CommuneCode } from './values.js';

// What is still owed or pending at VBSP: a settled or rejected loan bars nothing (QĐ22 3(3)).
export const OUTSTANDING_LOAN = ['APPLIED', 'APPROVED', 'DISBURSED', 'OVERDUE'] as const;

/** A loan as a transfer carries it to the destination case: enough to keep applying QĐ 22 there. */
const CarriedLoan = z
  .object({
    loanId: z.uuid(),
    purpose: LoanPurpose,
    status: z.enum(OUTSTANDING_LOAN),
    courseMonths: z.number().int().positive().max(1200).optional(),
    ratePercentPerYear: z.number().nonnegative().max(100).optional(),
  })
  .strict();

export const LoansCarriedOver = defineEvent({
  type: 'LoansCarriedOver',
  version: 1,
  aggregate: 'case',
  label: { vi: 'Tiếp nhận khoản vay theo hồ sơ chuyển đến', en: 'Loans carried over with a transfer' },
  // Recorded with the reception of the transferred file, by the police who receive it.
  emittedBy: ['commune-police'],
  basis: [cite('QĐ22', '3(3)'), cite('TT10', '15(2)')],
  schema: z
    .object({
      fromCaseId: z.uuid(),
      fromCommune: CommuneCode,
      loans: z.array(CarriedLoan).min(1),
    })
    .strict(),
});

const isOutstanding = (s: LoanState['status']): s is (typeof OUTSTANDING_LOAN)[number] =>
  (OUTSTANDING_LOAN as readonly string[]).includes(s);

/**
 * The origin case's outstanding loans, as the destination must carry them: a loan at the former
 * commune still bars one for the same purpose, and VBSP keeps servicing it at the new one.
 */
export function loansCarriedFrom(
  origin: CaseState,
  fromCaseId: string,
): EventOf<typeof LoansCarriedOver> | null {
  if (origin.status === 'none') return null;
  const loans = Object.entries(origin.loans).flatMap(([loanId, loan]) =>
    isOutstanding(loan.status)
      ? [
          {
            loanId,
            purpose: loan.purpose,
            status: loan.status,
            ...(loan.courseMonths === null ? {} : { courseMonths: loan.courseMonths }),
            ...(loan.ratePercentPerYear === null ? {} : { ratePercentPerYear: loan.ratePercentPerYear }),
          },
        ]
      : [],
  );
  if (loans.length === 0) return null;
  return eventOf(LoansCarriedOver, { fromCaseId, fromCommune: origin.communeCode, loans });
}
