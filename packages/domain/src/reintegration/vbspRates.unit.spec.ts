import { describe, expect, it } from 'vitest';
import { givenWhenThen } from '../testing/givenWhenThen.js';
import { as, doc } from './testing.js';
import {
  VBSP_RATE_RULES,
  decideVbspRates,
  evolveVbspRates,
  initialVbspRatesState,
  rateInForce,
  type VbspRateCommand,
  type VbspRateEvent,
  type VbspRatesState,
} from './vbspRates.js';
import { CASE_RULES } from './rules.js';

const given = givenWhenThen<VbspRateCommand, VbspRateEvent, VbspRatesState>({
  decide: (c, s) => decideVbspRates(c, s),
  evolve: evolveVbspRates,
  initialState: initialVbspRatesState,
});
const set = (
  ratePercentPerYear: number,
  effectiveFrom: string,
  role: 'vbsp' | 'commune-police' = 'vbsp',
) => ({
  type: 'SetVbspLendingRate' as const,
  data: {
    programme: 'POOR_HOUSEHOLD' as const,
    ratePercentPerYear,
    effectiveFrom,
    decision: doc('01/TB-NHCS', effectiveFrom),
  },
  meta: as(role, 'nhcsxh'),
});

describe('the poor-household lending rate VBSP records (QĐ22 9)', () => {
  const first = given()
    .when(set(6.6, '2019-01-01'))
    .then(() => undefined);

  it('is VBSP’s to record', () => {
    given()
      .when(set(6.6, '2019-01-01', 'commune-police'))
      .thenRefuses(CASE_RULES.roleNotAllowed);
  });

  it('moves forward only: a new rate takes effect after the last one', () => {
    given(first).when(set(6.9, '2019-01-01')).thenRefuses(VBSP_RATE_RULES.forward);
    given(first)
      .when(set(6.9, '2026-01-01'))
      .then((e) => expect(e[0]?.type).toBe('VbspLendingRateSet'));
  });

  it('answers the rate in force on a day: the latest to take effect by then', () => {
    const state = [
      ...first,
      ...given(first)
        .when(set(6.9, '2026-01-01'))
        .then(() => undefined),
    ].reduce(evolveVbspRates, initialVbspRatesState);
    expect(rateInForce(state, 'POOR_HOUSEHOLD', '2018-12-31')).toBeNull();
    expect(rateInForce(state, 'POOR_HOUSEHOLD', '2025-12-31')?.ratePercentPerYear).toBe(6.6);
    expect(rateInForce(state, 'POOR_HOUSEHOLD', '2026-01-01')?.ratePercentPerYear).toBe(6.9);
  });
});
