import { BUILT_IN_CALENDAR } from '../calendar/builtInCalendar.js';
import type { HolidayCalendar } from '../calendar/holidayCalendar.js';
import type { ContextLoader } from '../catalogue/aggregate.js';
import type { CaseCommand } from './caseCommands.js';
import { decideCase } from './decide.js';
import { receiveTransferredCase, type TransferContext } from './decideClosure.js';
import type { CaseEvent } from './events.js';
import type { CaseState } from './state.js';

/** Receiving a transfer reads the origin case's stream; no other step on a case reads elsewhere. */
export async function caseContext(
  command: CaseCommand,
  loader: ContextLoader<{ case: CaseState }>,
): Promise<TransferContext> {
  return {
    origin:
      command.type === 'ReceiveTransferredCase' ? await loader.load('case', command.data.fromCaseId) : null,
  };
}

/** decideCase, with the reception of a transfer decided on the origin case the loader read. */
export function decideCaseInContext(
  command: CaseCommand,
  state: CaseState,
  context: TransferContext,
  calendar: HolidayCalendar = BUILT_IN_CALENDAR,
): CaseEvent[] {
  return command.type === 'ReceiveTransferredCase'
    ? receiveTransferredCase(command, state, calendar, context.origin)
    : decideCase(command, state, calendar);
}
