import type { ContextLoader, Loaded } from '../catalogue/aggregate.js';
import { defineCommand, type CommandOf } from '../shared/command.js';
import { eventOf, type EventOf } from '../shared/defineEvent.js';
import { ensure, refuse } from '../shared/rules.js';
import { authorize } from './authorize.js';
import * as e from './loanEstablishmentEvents.js';
import { ESTABLISHMENT_LIMITS as L, ESTABLISHMENT_RULES as R } from './loanEstablishmentRules.js';
import { checkRate } from './loanRate.js';
import type { VbspRatesState } from './vbspRates.js';
import { VBSP_RATES_ID } from './vbspRateEvents.js';

export const ESTABLISHMENT_LOAN_COMMANDS = [
  defineCommand({
    type: 'ApplyForEstablishmentLoan',
    label: {
      vi: 'Ghi nhận đề nghị vay của cơ sở sản xuất, kinh doanh',
      en: 'Record an establishment loan application',
    },
    schema: e.EstablishmentLoanApplied.schema,
  }),
  defineCommand({
    type: 'ApproveEstablishmentLoan',
    label: { vi: 'Ghi nhận duyệt cho cơ sở vay', en: 'Record an establishment loan approval' },
    // The rate's record is read from the log, never sent.
    schema: e.EstablishmentLoanApproved.schema.omit({ rateInForce: true }),
  }),
  defineCommand({
    type: 'RejectEstablishmentLoan',
    label: { vi: 'Ghi nhận không duyệt cho cơ sở vay', en: 'Record an establishment loan rejection' },
    schema: e.EstablishmentLoanRejected.schema,
  }),
] as const;
export type EstablishmentLoanCommand = CommandOf<(typeof ESTABLISHMENT_LOAN_COMMANDS)[number]>;
export type EstablishmentLoanEvent = EventOf<(typeof e.ESTABLISHMENT_LOAN_EVENTS)[number]>;
type Application = Extract<EstablishmentLoanEvent, { type: 'EstablishmentLoanApplied' }>['data'];

/** An establishment's loan: the application it rests on, and where VBSP's decision left it. */
export type EstablishmentLoanState =
  | { status: 'none' }
  | { status: 'applied' | 'approved' | 'rejected'; communeCode: string; application: Application };
export const initialEstablishmentLoanState: EstablishmentLoanState = { status: 'none' };

/** What an approval reads from the log: VBSP's rates. */
export interface EstablishmentLoanContext {
  vbspRates: Loaded<VbspRatesState> | null;
}

export async function establishmentLoanContext(
  command: EstablishmentLoanCommand,
  loader: ContextLoader<{ 'vbsp-rates': VbspRatesState }>,
): Promise<EstablishmentLoanContext> {
  return {
    vbspRates:
      command.type === 'ApproveEstablishmentLoan' ? await loader.load('vbsp-rates', VBSP_RATES_ID) : null,
  };
}

/** The amount within 2 billion a project and 100 million a released worker, secured above 100 million. */
function checkAmount(amount: number, termMonths: number, application: Application): void {
  const max = Math.min(L.perProjectMax, L.perReleasedWorkerMax * application.releasedWorkers.length);
  ensure(amount <= max, R.amount, `${amount} > ${max}`);
  ensure(termMonths <= L.maxTermMonths, R.term);
  ensure(amount <= L.unsecuredMax || application.collateral !== undefined, R.collateral);
}

function apply(data: Application): EstablishmentLoanEvent[] {
  const released = data.releasedWorkers.length;
  ensure(released <= data.totalWorkers, R.workforce, `${released} > ${data.totalWorkers}`);
  // At least 10%: compared in whole numbers, so 1 in 10 qualifies and 1 in 11 does not.
  ensure(
    released * 100 >= data.totalWorkers * L.minReleasedSharePercent,
    R.share,
    `${released}/${data.totalWorkers}`,
  );
  ensure(data.plan.form === 'Mẫu 02', R.plan);
  checkAmount(data.amountRequested, data.termMonths, data);
  return [eventOf(e.EstablishmentLoanApplied, data)];
}

export function decideEstablishmentLoan(
  command: EstablishmentLoanCommand,
  state: EstablishmentLoanState,
  context: EstablishmentLoanContext,
): EstablishmentLoanEvent[] {
  authorize(command.meta, e.EstablishmentLoanApplied.emittedBy);
  if (command.type === 'ApplyForEstablishmentLoan') {
    ensure(state.status === 'none', R.exists);
    return apply(command.data);
  }
  if (state.status !== 'applied') return refuse(R.status, state.status);
  if (command.type === 'RejectEstablishmentLoan') return [eventOf(e.EstablishmentLoanRejected, command.data)];
  const { amount, termMonths, ratePercentPerYear, approvedOn } = command.data;
  checkAmount(amount, termMonths, state.application);
  const rateInForce = checkRate(context.vbspRates?.state ?? null, ratePercentPerYear, approvedOn);
  return [eventOf(e.EstablishmentLoanApproved, { ...command.data, rateInForce })];
}

export function evolveEstablishmentLoan(
  state: EstablishmentLoanState,
  event: EstablishmentLoanEvent,
): EstablishmentLoanState {
  switch (event.type) {
    case 'EstablishmentLoanApplied':
      return { status: 'applied', communeCode: event.data.communeCode, application: event.data };
    case 'EstablishmentLoanApproved':
      return state.status === 'none' ? state : { ...state, status: 'approved' };
    case 'EstablishmentLoanRejected':
      return state.status === 'none' ? state : { ...state, status: 'rejected' };
  }
}
