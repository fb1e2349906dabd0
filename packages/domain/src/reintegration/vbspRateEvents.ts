import { z } from 'zod';
import { DocRef } from '../shared/docRef.js';
import { defineEvent } from '../shared/defineEvent.js';
import { cite } from '../shared/legalBasis.js';
import { LocalDate } from '../shared/localDate.js';

/** The one national stream of VBSP's lending rates: `vbsp-rates-vn`. */
export const VBSP_RATES_ID = 'vn';

/** The VBSP programmes whose rate QĐ 22 borrows: loans under it are at the poor-household rate (Art. 9). */
export const VbspProgramme = z.enum(['POOR_HOUSEHOLD']);
export type VbspProgramme = z.infer<typeof VbspProgramme>;

/** A lending rate in percent a year, kept to thousandths so 130% of it is exact to the same unit. */
export const RatePercentPerYear = z
  .number()
  .positive()
  .max(100)
  .refine((r) => Math.abs(r * 1000 - Math.round(r * 1000)) < 1e-6, {
    error: 'lãi suất tối đa 3 chữ số thập phân (at most three decimals)',
  });

export const VbspLendingRateSet = defineEvent({
  type: 'VbspLendingRateSet',
  version: 1,
  aggregate: 'vbsp-rates',
  label: { vi: 'Lãi suất cho vay hộ nghèo có hiệu lực', en: 'VBSP lending rate in force' },
  // The rate is VBSP's to announce; loans under QĐ 22 take it as it stands on their approval day.
  emittedBy: ['vbsp'],
  basis: [cite('QĐ22', '9')],
  schema: z
    .object({
      programme: VbspProgramme,
      ratePercentPerYear: RatePercentPerYear,
      effectiveFrom: LocalDate,
      /** The decision or notice that sets the rate (the Prime Minister's decision, VBSP's notice). */
      decision: DocRef,
    })
    .strict(),
});

/** Every event of the VBSP rates stream. */
export const VBSP_RATE_EVENTS = [VbspLendingRateSet] as const;
