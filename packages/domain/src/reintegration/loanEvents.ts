import { z } from 'zod';
import { DeadlineFacts } from '../calendar/deadlineFact.js';
import { DocRef } from '../shared/docRef.js';
import { defineEvent } from '../shared/defineEvent.js';
import { cite } from '../shared/legalBasis.js';
import { LocalDate } from '../shared/localDate.js';
import type { Role } from '../shared/roles.js';
import { LoanHousehold } from './loanHousehold.js';
import { Vnd } from './values.js';

const aggregate = 'case';
// VBSP decides; commune police record what VBSP reports when the bank does not use the system itself.
const bank: readonly Role[] = ['vbsp', 'commune-police'];

export const LoanPurpose = z.enum(['VOCATIONAL', 'BUSINESS']);
export type LoanPurpose = z.infer<typeof LoanPurpose>;

export const LoanApplied = defineEvent({
  type: 'LoanApplied',
  version: 1,
  aggregate,
  label: { vi: 'Đề nghị vay vốn (QĐ 22/2023)', en: 'Loan applied for' },
  emittedBy: bank,
  basis: [cite('QĐ22', '3'), cite('QĐ22', '4')],
  schema: z
    .object({
      loanId: z.uuid(),
      purpose: LoanPurpose,
      amountRequested: Vnd,
      termMonths: z.number().int().positive().max(1200),
      /** For vocational loans: the course length, which caps amount and term. */
      courseMonths: z.number().int().positive().max(1200).optional(),
      appliedOn: LocalDate,
      viaHousehold: z.boolean(),
      /** The commune People's Committee's confirmation of the eligibility list (Mẫu 01). */
      communeConfirmation: DocRef,
      // The three below are optional only because version 1 applications lack them; the decider
      // refuses an application without them.
      /** Who borrows for the household, and how they are related to the person (QĐ22 4(1)(a)). */
      household: LoanHousehold.optional(),
      /** The commune police's Mẫu 01 list that names the person (`loan-list-<id>`). */
      eligibilityListId: z.uuid().optional(),
      /** What VBSP's books show under its other programmes for the same purpose (QĐ22 3(3)). */
      otherProgrammeDebt: z
        .object({ checkedOn: LocalDate, outstandingSamePurpose: Vnd, statement: DocRef.optional() })
        .strict()
        .optional(),
    })
    .strict(),
});

export const LoanApproved = defineEvent({
  type: 'LoanApproved',
  version: 1,
  aggregate,
  label: { vi: 'Duyệt cho vay', en: 'Loan approved' },
  emittedBy: bank,
  basis: [cite('QĐ22', '6'), cite('QĐ22', '8'), cite('QĐ22', '9')],
  schema: z
    .object({
      loanId: z.uuid(),
      amount: Vnd,
      termMonths: z.number().int().positive().max(1200),
      /** The rate on VBSP's approval: it must be the poor-household rate in force that day (QĐ22 9). */
      ratePercentPerYear: z.number().nonnegative().max(100),
      approvedOn: LocalDate,
      /** Computed: the rate's record in the log (`vbsp-rates-vn`) the approval rests on. */
      rateInForce: z.object({ effectiveFrom: LocalDate, decision: DocRef }).strict().optional(),
      /** Computed: the day the term ends, `termMonths` months after approval (BLDS 148(3)). */
      repayBy: LocalDate.optional(),
      /** The facts the due date comes from: views derive the date. */
      deadlines: DeadlineFacts.optional(),
    })
    .strict(),
});

export const LoanRejected = defineEvent({
  type: 'LoanRejected',
  version: 1,
  aggregate,
  label: { vi: 'Không duyệt cho vay', en: 'Loan rejected' },
  emittedBy: bank,
  basis: [cite('QĐ22', '3')],
  schema: z.object({ loanId: z.uuid(), reason: z.string().min(1), rejectedOn: LocalDate }).strict(),
});

export const LoanDisbursed = defineEvent({
  type: 'LoanDisbursed',
  version: 1,
  aggregate,
  label: { vi: 'Giải ngân', en: 'Loan disbursed' },
  emittedBy: bank,
  basis: [cite('QĐ22', '8')],
  schema: z.object({ loanId: z.uuid(), amount: Vnd, disbursedOn: LocalDate }).strict(),
});

export const LoanRepaymentRecorded = defineEvent({
  type: 'LoanRepaymentRecorded',
  version: 1,
  aggregate,
  label: { vi: 'Trả nợ', en: 'Loan repayment recorded' },
  emittedBy: bank,
  basis: [cite('QĐ22', '8')],
  schema: z.object({ loanId: z.uuid(), amount: Vnd, paidOn: LocalDate }).strict(),
});

export const LoanOverdue = defineEvent({
  type: 'LoanOverdue',
  version: 1,
  aggregate,
  label: { vi: 'Nợ quá hạn', en: 'Loan overdue' },
  emittedBy: bank,
  basis: [cite('QĐ22', '9'), cite('QĐ22', '13')],
  schema: z
    .object({
      loanId: z.uuid(),
      overdueAmount: Vnd,
      since: LocalDate,
      /** Computed: 130% of the loan's rate (QĐ22 9); absent only on events recorded before it was. */
      overdueRatePercentPerYear: z.number().positive().optional(),
    })
    .strict(),
});

export const LoanSettled = defineEvent({
  type: 'LoanSettled',
  version: 1,
  aggregate,
  label: { vi: 'Tất toán khoản vay', en: 'Loan settled' },
  emittedBy: bank,
  basis: [cite('QĐ22', '8'), cite('QĐ22', '13')],
  schema: z.object({ loanId: z.uuid(), settledOn: LocalDate }).strict(),
});
