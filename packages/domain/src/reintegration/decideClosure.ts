import { openDeadline } from '../calendar/deadlineFact.js';
import type { HolidayCalendar } from '../calendar/holidayCalendar.js';
import type { Loaded } from '../catalogue/aggregate.js';
import { eventOf } from '../shared/defineEvent.js';
import { cite } from '../shared/legalBasis.js';
import { CHAIR_SIGNERS, signedAs } from '../shared/roles.js';
import { defineRule, ensure, refuse } from '../shared/rules.js';
import { authorize, withinCommune } from './authorize.js';
import { evidenceNeededFor, provesReason } from './closureEvidence.js';
import type { CaseCommand } from './caseCommands.js';
import type { CaseEvent } from './events.js';
import { activeCase } from './guards.js';
import * as e from './lifecycleEvents.js';
import { CASE_RULES } from './rules.js';
import type { CaseState } from './state.js';
import { CLOSURE_REASON_LABELS, type ClosureReason } from './values.js';

type Of<T extends CaseCommand['type']> = Extract<CaseCommand, { type: T }>;

export function notifyResidenceChange(command: Of<'NotifyResidenceChange'>, state: CaseState): CaseEvent[] {
  activeCase(state);
  authorize(command.meta, e.ResidenceChangeNotified.emittedBy);
  return [eventOf(e.ResidenceChangeNotified, command.data)];
}

export function transferCaseOut(
  command: Of<'TransferCaseOut'>,
  state: CaseState,
  calendar: HolidayCalendar,
): CaseEvent[] {
  const current = activeCase(state);
  authorize(command.meta, e.CaseTransferredOut.emittedBy);
  ensure(current.movingTo === command.data.toCommune, CASE_RULES.transferNeedsNotice, command.data.toCommune);
  const continueBy = openDeadline('case.transfer-continue', command.data.sentOn, calendar);
  return [
    eventOf(e.CaseTransferredOut, {
      ...command.data,
      continueBy: continueBy.date,
      deadlines: [continueBy.fact],
    }),
  ];
}

/** What receiving a transfer reads from the log: the origin case (`fromCaseId`) as its stream has it. */
export interface TransferContext {
  origin: Loaded<CaseState> | null;
}

export const TRANSFER_RULES = {
  notSent: defineRule({
    id: 'case.transfer-not-sent',
    kind: 'illegal-state',
    vi: 'Hồ sơ gốc chưa được chuyển đi',
    en: 'The origin case file was never sent',
    basis: cite('TT10', '15(2)'),
  }),
  otherPerson: defineRule({
    id: 'case.transfer-other-person',
    kind: 'illegal-state',
    vi: 'Người trong hồ sơ chuyển đến không phải người của hồ sơ gốc',
    en: 'The person is not the origin case’s',
    basis: cite('TT10', '15(2)'),
  }),
} as const;

/** Where the origin sent its file: its destination while transferred out, or once closed as MOVED. */
function sentTo(origin: CaseState): string | null {
  if (origin.status === 'transferredOut') return origin.toCommune;
  return origin.status === 'closed' && origin.reason === 'MOVED' ? origin.movingTo : null;
}

/**
 * Opens the case at the destination commune from the origin case as the log has it; without the
 * origin loaded (decideCase alone) nothing shows the file was sent, so it is refused. Supervision
 * continues within 5 working days of the receipt (TT10 15(2)).
 */
export function receiveTransferredCase(
  command: Of<'ReceiveTransferredCase'>,
  state: CaseState,
  calendar: HolidayCalendar,
  origin: Loaded<CaseState> | null = null,
): CaseEvent[] {
  authorize(command.meta, e.CaseTransferredIn.emittedBy);
  ensure(state.status === 'none', CASE_RULES.caseExists);
  const from = origin?.state ?? { status: 'none' };
  const toCommune = sentTo(from);
  if (from.status === 'none' || toCommune === null)
    return refuse(TRANSFER_RULES.notSent, command.data.fromCaseId);
  ensure(withinCommune(command.meta.unit, toCommune), CASE_RULES.transferNotForUs, toCommune);
  ensure(command.data.person.personId === from.personId, TRANSFER_RULES.otherPerson);
  const { communeCode: fromCommune, source, releaseDate } = from;
  const continueBy = openDeadline('case.transfer-continue', command.data.receivedOn, calendar);
  return [
    eventOf(e.CaseTransferredIn, {
      ...command.data,
      fromCommune,
      source,
      releaseDate,
      communeCode: toCommune,
      continueBy: continueBy.date,
      deadlines: [continueBy.fact],
    }),
  ];
}

/**
 * What the file must already show before a closure for each reason can be proposed (TT10 14(1)):
 * the expungement's paper (ConvictionExpunged requires it), the file sent, the new judgment.
 */
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
      // Nothing on the file records these: the proposal's own paper proves them, of its kind.
      return true;
  }
}

export function proposeClosure(command: Of<'ProposeClosure'>, state: CaseState): CaseEvent[] {
  if (state.status === 'none') return refuse(CASE_RULES.noCase);
  if (state.status === 'closed') return refuse(CASE_RULES.closed);
  if (state.status === 'expected') return refuse(CASE_RULES.beforeReception);
  authorize(command.meta, e.CaseClosureProposed.emittedBy);
  const { reason, evidenceKind } = command.data;
  ensure(supports(state, reason), CASE_RULES.closureUnsupported, CLOSURE_REASON_LABELS[reason]);
  ensure(provesReason(reason, evidenceKind), CASE_RULES.closureEvidenceKind, evidenceNeededFor(reason));
  return [eventOf(e.CaseClosureProposed, command.data)];
}

export function closeCase(command: Of<'CloseCase'>, state: CaseState): CaseEvent[] {
  if (state.status === 'none') return refuse(CASE_RULES.noCase);
  if (state.status === 'closed') return refuse(CASE_RULES.closed);
  if (!CHAIR_SIGNERS.includes(command.meta.role)) refuse(CASE_RULES.onlyChairCloses, command.meta.role);
  authorize(command.meta, e.CaseClosed.emittedBy);
  const { reason } = command.data;
  ensure(state.closureProposal === reason, CASE_RULES.noClosureProposal, CLOSURE_REASON_LABELS[reason]);
  return [eventOf(e.CaseClosed, { ...command.data, signedAs: signedAs(command.meta.role) })];
}
