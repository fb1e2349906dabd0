import type { LocalDate } from '../shared/localDate.js';
import { ensure, refuse } from '../shared/rules.js';
import { LOAN_RULES } from './loanRules.js';
import { rateInForce, type VbspRatesState } from './vbspRates.js';

// Rates in thousandths of a percent, so comparing and taking 130% is exact.
const milli = (rate: number): number => Math.round(rate * 1000);

/** Overdue interest is 130% of the loan's rate (QĐ22 9). */
export const overdueRate = (rate: number): number => Math.round((milli(rate) * 13) / 10) / 1000;

/**
 * The record of the poor-household rate in force on `day` (QĐ22 9), refusing an approval at any
 * other rate, or with no rate recorded for that day.
 */
export function checkRate(rates: VbspRatesState | null, rate: number, day: LocalDate) {
  const inForce = rates && rateInForce(rates, 'POOR_HOUSEHOLD', day);
  if (!inForce) return refuse(LOAN_RULES.noRate, day);
  ensure(
    milli(rate) === milli(inForce.ratePercentPerYear),
    LOAN_RULES.rate,
    `${rate} ≠ ${inForce.ratePercentPerYear}`,
  );
  return { effectiveFrom: inForce.effectiveFrom, decision: inForce.decision };
}
