import { defineCommand, type CommandOf } from '../shared/command.js';
import { eventOf, type EventOf } from '../shared/defineEvent.js';
import type { DocRef } from '../shared/docRef.js';
import { cite } from '../shared/legalBasis.js';
import type { LocalDate } from '../shared/localDate.js';
import { defineRule, ensure } from '../shared/rules.js';
import { authorize } from './authorize.js';
import { VbspLendingRateSet, type VbspProgramme } from './vbspRateEvents.js';

export const SetVbspLendingRate = defineCommand({
  type: 'SetVbspLendingRate',
  label: { vi: 'Ghi nhận lãi suất cho vay hộ nghèo', en: 'Record the poor-household lending rate' },
  schema: VbspLendingRateSet.schema,
});
export const VBSP_RATE_COMMANDS = [SetVbspLendingRate] as const;
export type VbspRateCommand = CommandOf<(typeof VBSP_RATE_COMMANDS)[number]>;
export type VbspRateEvent = EventOf<typeof VbspLendingRateSet>;

/** One rate as the stream recorded it, from its day on. */
export interface RateInForce {
  programme: VbspProgramme;
  ratePercentPerYear: number;
  effectiveFrom: LocalDate;
  decision: DocRef;
}

/** Every rate VBSP recorded, in log order (which is also the order of their days, see `forward`). */
export interface VbspRatesState {
  rates: readonly RateInForce[];
}
export const initialVbspRatesState: VbspRatesState = { rates: [] };

export const VBSP_RATE_RULES = {
  forward: defineRule({
    id: 'vbsp-rate.effective-after-last',
    kind: 'illegal-state',
    vi: 'Lãi suất mới phải có hiệu lực sau ngày hiệu lực của lãi suất đã ghi nhận gần nhất',
    en: 'A new rate must take effect after the last recorded one',
    // A rate back-dated under approvals already decided would change what they rested on.
    basis: cite('QĐ22', '9'),
  }),
} as const;

export function evolveVbspRates(state: VbspRatesState, event: VbspRateEvent): VbspRatesState {
  return { rates: [...state.rates, event.data] };
}

/** The rate of `programme` in force on `day`: the latest to take effect on or before it, or null. */
export function rateInForce(
  state: VbspRatesState,
  programme: VbspProgramme,
  day: LocalDate,
): RateInForce | null {
  const from = state.rates.filter((r) => r.programme === programme && r.effectiveFrom <= day);
  return from.reduce<RateInForce | null>((a, r) => (a && a.effectiveFrom >= r.effectiveFrom ? a : r), null);
}

export function decideVbspRates(command: VbspRateCommand, state: VbspRatesState): VbspRateEvent[] {
  authorize(command.meta, VbspLendingRateSet.emittedBy);
  const { programme, effectiveFrom } = command.data;
  const last = state.rates.filter((r) => r.programme === programme).at(-1);
  ensure(!last || last.effectiveFrom < effectiveFrom, VBSP_RATE_RULES.forward, last?.effectiveFrom);
  return [eventOf(VbspLendingRateSet, command.data)];
}
