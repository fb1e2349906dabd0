import { z } from 'zod';
import { DocRef } from '../shared/docRef.js';
import { defineEvent } from '../shared/defineEvent.js';
import { cite } from '../shared/legalBasis.js';
import { LocalDate } from '../shared/localDate.js';
import { CommuneCode, Vnd } from './values.js';
import { RatePercentPerYear } from './vbspRateEvents.js';

const aggregate = 'establishment-loan';

/** The kinds of cơ sở sản xuất, kinh doanh QĐ 22 lends to (Art. 2). */
const EstablishmentKind = z.enum([
  'SME',
  'COOPERATIVE',
  'COOPERATIVE_UNION',
  'COOPERATIVE_GROUP',
  'HOUSEHOLD_BUSINESS',
]);

/** A worker who served a prison sentence, by their labour contract (and their case, if the system has it). */
const ReleasedWorker = z.object({ contract: DocRef, caseId: z.uuid().optional() }).strict();

export const EstablishmentLoanApplied = defineEvent({
  type: 'EstablishmentLoanApplied',
  version: 1,
  aggregate,
  label: {
    vi: 'Cơ sở sản xuất, kinh doanh đề nghị vay vốn (QĐ 22/2023)',
    en: 'Business establishment loan applied for',
  },
  emittedBy: ['vbsp'],
  basis: [cite('QĐ22', '3(2)(b)'), cite('QĐ22', '6'), cite('QĐ22', '10')],
  schema: z
    .object({
      loanId: z.uuid(),
      /** The commune where the project is carried out, whose People's Committee confirms the plan. */
      communeCode: CommuneCode,
      establishment: z
        .object({
          name: z.string().min(1).max(300),
          kind: EstablishmentKind,
          taxCode: z.string().max(20).optional(),
        })
        .strict(),
      /** Everyone the establishment employs when it applies. */
      totalWorkers: z.number().int().positive().max(1_000_000),
      /** The workers who served a sentence, each under a labour contract: their count is the share. */
      releasedWorkers: z.array(ReleasedWorker).min(1).max(100_000),
      /** The production and business plan the commune confirmed (Mẫu 02). */
      plan: DocRef,
      amountRequested: Vnd,
      termMonths: z.number().int().positive().max(1200),
      /** Security for the loan: required above the unsecured limit (QĐ22 10). */
      collateral: z
        .object({ description: z.string().min(1).max(500), value: Vnd, contract: DocRef })
        .strict()
        .optional(),
      appliedOn: LocalDate,
    })
    .strict(),
});

export const EstablishmentLoanApproved = defineEvent({
  type: 'EstablishmentLoanApproved',
  version: 1,
  aggregate,
  label: { vi: 'Duyệt cho cơ sở sản xuất, kinh doanh vay', en: 'Business establishment loan approved' },
  emittedBy: ['vbsp'],
  basis: [cite('QĐ22', '6'), cite('QĐ22', '8'), cite('QĐ22', '9')],
  schema: z
    .object({
      loanId: z.uuid(),
      amount: Vnd,
      termMonths: z.number().int().positive().max(1200),
      ratePercentPerYear: RatePercentPerYear,
      approvedOn: LocalDate,
      /** Computed: the rate's record in the log (`vbsp-rates-vn`) the approval rests on. */
      rateInForce: z.object({ effectiveFrom: LocalDate, decision: DocRef }).strict(),
    })
    .strict(),
});

export const EstablishmentLoanRejected = defineEvent({
  type: 'EstablishmentLoanRejected',
  version: 1,
  aggregate,
  label: { vi: 'Không duyệt cho cơ sở sản xuất, kinh doanh vay', en: 'Business establishment loan rejected' },
  emittedBy: ['vbsp'],
  basis: [cite('QĐ22', '3(2)(b)')],
  schema: z.object({ loanId: z.uuid(), reason: z.string().min(1).max(1000), rejectedOn: LocalDate }).strict(),
});

/** Every event of an establishment loan's stream (`establishment-loan-<loanId>`). */
export const ESTABLISHMENT_LOAN_EVENTS = [
  EstablishmentLoanApplied,
  EstablishmentLoanApproved,
  EstablishmentLoanRejected,
] as const;
