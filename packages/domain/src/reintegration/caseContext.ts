import { BUILT_IN_CALENDAR } from '../calendar/builtInCalendar.js';
import type { HolidayCalendar } from '../calendar/holidayCalendar.js';
import type { ContextLoader, Loaded } from '../catalogue/aggregate.js';
import type { CaseCommand } from './caseCommands.js';
import { decideCase } from './decide.js';
import { receiveTransferredCase, type TransferContext } from './decideClosure.js';
import { applyForLoan, approveLoan } from './decideLoans.js';
import type { CaseEvent } from './events.js';
import { loansCarriedFrom } from './loanCarryOver.js';
import type { LoanListState } from './loanList.js';
import type { CaseState } from './state.js';
import type { VbspRatesState } from './vbspRates.js';
import { VBSP_RATES_ID } from './vbspRateEvents.js';

/** The streams a case's decisions read besides its own. */
export interface CaseContextStates {
  case: CaseState;
  'loan-list': LoanListState;
  'vbsp-rates': VbspRatesState;
}

/**
 * What a case's decision read from the log: the origin case of a transfer, the Mẫu 01 list a loan
 * application names, and VBSP's rates for an approval. Optional so a bare TransferContext still fits.
 */
export interface CaseContext extends TransferContext {
  loanList?: Loaded<LoanListState> | null;
  vbspRates?: Loaded<VbspRatesState> | null;
}

/** Reads only what the command's rules rest on; every other step on a case reads nothing else. */
export async function caseContext(
  command: CaseCommand,
  loader: ContextLoader<CaseContextStates>,
): Promise<CaseContext> {
  const origin =
    command.type === 'ReceiveTransferredCase' ? await loader.load('case', command.data.fromCaseId) : null;
  const listId = command.type === 'ApplyForLoan' ? command.data.eligibilityListId : undefined;
  return {
    origin,
    ...(listId ? { loanList: await loader.load('loan-list', listId) } : {}),
    ...(command.type === 'ApproveLoan' ? { vbspRates: await loader.load('vbsp-rates', VBSP_RATES_ID) } : {}),
  };
}

/** decideCase, with the steps that rest on other streams decided on what the loader read. */
export function decideCaseInContext(
  command: CaseCommand,
  state: CaseState,
  context: CaseContext,
  calendar: HolidayCalendar = BUILT_IN_CALENDAR,
): CaseEvent[] {
  if (command.type === 'ReceiveTransferredCase') {
    const received = receiveTransferredCase(command, state, calendar, context.origin);
    // The file carries its loans: the former commune's still bar one for the same purpose here.
    const carried = context.origin && loansCarriedFrom(context.origin.state, command.data.fromCaseId);
    return carried ? [...received, carried] : received;
  }
  if (command.type === 'ApplyForLoan') return applyForLoan(command, state, context.loanList ?? null);
  if (command.type === 'ApproveLoan')
    return approveLoan(command, state, calendar, context.vbspRates?.state ?? null);
  return decideCase(command, state, calendar);
}
