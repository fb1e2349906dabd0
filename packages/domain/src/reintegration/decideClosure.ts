import { dueDate } from '../calendar/deadlines.js';
import type { WorkingCalendar } from '../calendar/workingDays.js';
import { eventOf } from '../shared/defineEvent.js';
import { ensure, refuse } from '../shared/rules.js';
import { authorize, withinCommune } from './authorize.js';
import type { CaseCommand } from './caseCommands.js';
import type { CaseEvent } from './events.js';
import { activeCase } from './guards.js';
import * as e from './lifecycleEvents.js';
import { CASE_RULES } from './rules.js';
import type { CaseState } from './state.js';
import type { ClosureReason } from './values.js';

type Of<T extends CaseCommand['type']> = Extract<CaseCommand, { type: T }>;

export function notifyResidenceChange(command: Of<'NotifyResidenceChange'>, state: CaseState): CaseEvent[] {
  activeCase(state);
  authorize(command.meta, e.ResidenceChangeNotified.emittedBy, state);
  return [eventOf(e.ResidenceChangeNotified, command.data)];
}

export function transferCaseOut(
  command: Of<'TransferCaseOut'>,
  state: CaseState,
  calendar: WorkingCalendar,
): CaseEvent[] {
  const current = activeCase(state);
  authorize(command.meta, e.CaseTransferredOut.emittedBy, state);
  ensure(current.movingTo === command.data.toCommune, CASE_RULES.transferNeedsNotice, command.data.toCommune);
  const continueBy = dueDate(command.data.sentOn, { days: 5, kind: 'WORKING' }, calendar);
  return [eventOf(e.CaseTransferredOut, { ...command.data, continueBy })];
}

/** Opens the case at the destination commune, from the origin case the service read and passed in. */
export function receiveTransferredCase(
  command: Of<'ReceiveTransferredCase'>,
  state: CaseState,
  calendar: WorkingCalendar,
): CaseEvent[] {
  authorize(command.meta, e.CaseTransferredIn.emittedBy, state);
  ensure(state.status === 'none', CASE_RULES.caseExists);
  const { origin, ...data } = command.data;
  const { toCommune, sentOn } = origin;
  const sentToUs =
    origin.status === 'transferredOut' && toCommune !== null && withinCommune(command.meta.unit, toCommune);
  if (!sentToUs || sentOn === null) return refuse(CASE_RULES.transferNotForUs);
  const continueBy = dueDate(sentOn, { days: 5, kind: 'WORKING' }, calendar);
  return [eventOf(e.CaseTransferredIn, { ...data, communeCode: toCommune, continueBy })];
}

/** What the file must already show before a closure for each reason can be proposed (TT10 14(1)). */
function supports(state: Exclude<CaseState, { status: 'none' }>, reason: ClosureReason): boolean {
  switch (reason) {
    case 'MOVED':
      return state.status === 'transferredOut';
    case 'EXPUNGED':
      return state.expunged;
    case 'NEW_PRISON_SENTENCE':
      return state.reoffenceConvicted;
    case 'ABROAD':
    case 'MISSING':
    case 'DIED':
      // The evidence document (a death certificate, an exit record, a court declaration) carries these.
      return true;
  }
}

export function proposeClosure(command: Of<'ProposeClosure'>, state: CaseState): CaseEvent[] {
  if (state.status === 'none') return refuse(CASE_RULES.noCase);
  if (state.status === 'closed') return refuse(CASE_RULES.closed);
  if (state.status === 'expected') return refuse(CASE_RULES.beforeReception);
  authorize(command.meta, e.CaseClosureProposed.emittedBy, state);
  ensure(supports(state, command.data.reason), CASE_RULES.closureUnsupported, command.data.reason);
  return [eventOf(e.CaseClosureProposed, command.data)];
}

export function closeCase(command: Of<'CloseCase'>, state: CaseState): CaseEvent[] {
  if (state.status === 'none') return refuse(CASE_RULES.noCase);
  if (state.status === 'closed') return refuse(CASE_RULES.closed);
  if (command.meta.role !== 'commune-chair') refuse(CASE_RULES.onlyChairCloses, command.meta.role);
  authorize(command.meta, e.CaseClosed.emittedBy, state);
  ensure(state.closureProposal === command.data.reason, CASE_RULES.noClosureProposal, command.data.reason);
  return [eventOf(e.CaseClosed, command.data)];
}
