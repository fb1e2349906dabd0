import { cite } from '../shared/legalBasis.js';
import { eventOf } from '../shared/defineEvent.js';
import { defineRule, ensure } from '../shared/rules.js';
import { authorize } from './authorize.js';
import {
  FrontSupervisorOpinionGiven,
  type FrontOpinion,
  type FrontSupervisorOpinionGivenEvent,
  type GiveFrontSupervisorOpinionCommand,
} from './frontOpinionEvents.js';
import { activeCase } from './guards.js';
import { CASE_RULES } from './rules.js';
import type { CaseState } from './state.js';
import type { SupervisorRef } from './values.js';

export const FRONT_RULES = {
  noProposalToReview: defineRule({
    id: 'case.front-opinion-needs-proposal',
    kind: 'illegal-state',
    vi: 'Chưa có đề xuất phân công (HCD-06) cho người/tổ chức này để Mặt trận cho ý kiến',
    en: 'There is no pending proposal (HCD-06) for this supervisor for the Front to give its opinion on',
    basis: cite('TT10', '10(1)'),
  }),
  frontAgreementNeeded: defineRule({
    id: 'case.assignment-needs-front-agreement',
    kind: 'illegal-state',
    vi: 'Chưa có ý kiến đồng ý của Ủy ban Mặt trận Tổ quốc Việt Nam xã về người/tổ chức được đề xuất',
    en: 'The commune Fatherland Front has not agreed to the proposed supervisor',
    basis: cite('TT10', '10(1)'),
  }),
} as const;

const same = (a: SupervisorRef | null, b: SupervisorRef): boolean => a?.kind === b.kind && a.ref === b.ref;

/**
 * The Front gives its opinion on the pending proposal, before the chair decides. Which commune's
 * Front may (its own) is the access policy's to decide, as for every step on a case.
 */
export function giveFrontSupervisorOpinion(
  command: GiveFrontSupervisorOpinionCommand,
  state: CaseState,
): FrontSupervisorOpinionGivenEvent[] {
  const current = activeCase(state);
  authorize(command.meta, FrontSupervisorOpinionGiven.emittedBy);
  ensure(current.status === 'received', CASE_RULES.supervisorAlreadyAssigned);
  ensure(same(current.proposedSupervisor, command.data.supervisor), FRONT_RULES.noProposalToReview);
  return [eventOf(FrontSupervisorOpinionGiven, command.data)];
}

/** The chair's HCD-07 needs the Front's agreement to that very candidate (TT10 10(1)). */
export function ensureFrontAgreed(opinion: FrontOpinion | null, supervisor: SupervisorRef): void {
  ensure(
    opinion !== null && opinion.agrees && same(opinion.supervisor, supervisor),
    FRONT_RULES.frontAgreementNeeded,
  );
}

/** How the case keeps the opinion (for evolve): a new proposal or a decision clears it. */
export function frontOpinionOf(event: FrontSupervisorOpinionGivenEvent): FrontOpinion {
  return { supervisor: event.data.supervisor, agrees: event.data.agrees };
}
