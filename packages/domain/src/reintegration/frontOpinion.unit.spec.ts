import { describe, expect, it } from 'vitest';
import type { CommandMeta } from '../shared/command.js';
import type { Rule } from '../shared/rules.js';
import { evolveCase } from './evolve.js';
import { FRONT_RULES, ensureFrontAgreed, giveFrontSupervisorOpinion } from './frontOpinion.js';
import type { GiveFrontSupervisorOpinionCommand } from './frontOpinionEvents.js';
import { CASE_RULES } from './rules.js';
import { initialCaseState } from './state.js';
import { COMMUNE, SUPERVISOR, as, doc, historyUpTo } from './testing.js';
import type { SupervisorRef } from './values.js';

const FRONT = as('fatherland-front', `${COMMUNE}/mat-tran`);
const otherPerson = { kind: 'PERSON', ref: 'u-hoi-phu-nu', name: 'Hội viên Hội Phụ nữ (giả định)' } as const;
const opinion = (
  meta: CommandMeta = FRONT,
  supervisor: SupervisorRef = SUPERVISOR,
  agrees = true,
): GiveFrontSupervisorOpinionCommand => ({
  type: 'GiveFrontSupervisorOpinion',
  data: { supervisor, agrees, givenOn: '2025-09-05', document: doc('05/MTTQ', '2025-09-05') },
  meta,
});
const stateAt = (stage: 'received' | 'proposed' | 'supervised') =>
  historyUpTo(stage).reduce(evolveCase, initialCaseState);

/** Runs `act` and expects it refused, naming `rule`. */
function refuses(act: () => unknown, rule: Rule): void {
  let refusal: unknown;
  try {
    act();
  } catch (error) {
    refusal = error;
  }
  expect(refusal).toMatchObject({ rule: rule.id });
}

describe('the Fatherland Front’s part in choosing a supervisor (TT10 10(1); NĐ49 25(3))', () => {
  it('records the commune Front’s opinion on the pending proposal', () => {
    expect(giveFrontSupervisorOpinion(opinion(), stateAt('proposed'))).toEqual([
      { type: 'FrontSupervisorOpinionGiven', data: opinion().data },
    ]);
  });

  it('is the Front’s alone: police and the procuracy cannot give it', () => {
    refuses(
      () => giveFrontSupervisorOpinion(opinion(as('commune-police')), stateAt('proposed')),
      CASE_RULES.roleNotAllowed,
    );
    refuses(
      () => giveFrontSupervisorOpinion(opinion(as('procuracy', 'vks-tinh')), stateAt('proposed')),
      CASE_RULES.oversightReadOnly,
    );
  });

  it('refuses an opinion with no proposal for that candidate, or once the chair has decided', () => {
    refuses(() => giveFrontSupervisorOpinion(opinion(), stateAt('received')), FRONT_RULES.noProposalToReview);
    refuses(
      () => giveFrontSupervisorOpinion(opinion(FRONT, otherPerson), stateAt('proposed')),
      FRONT_RULES.noProposalToReview,
    );
    refuses(
      () => giveFrontSupervisorOpinion(opinion(), stateAt('supervised')),
      CASE_RULES.supervisorAlreadyAssigned,
    );
  });

  it('lets the chair decide only on the Front’s agreement to that very candidate', () => {
    refuses(() => ensureFrontAgreed(null, SUPERVISOR), FRONT_RULES.frontAgreementNeeded);
    refuses(
      () => ensureFrontAgreed({ supervisor: SUPERVISOR, agrees: false }, SUPERVISOR),
      FRONT_RULES.frontAgreementNeeded,
    );
    refuses(
      () => ensureFrontAgreed({ supervisor: otherPerson, agrees: true }, SUPERVISOR),
      FRONT_RULES.frontAgreementNeeded,
    );
    expect(() => ensureFrontAgreed({ supervisor: SUPERVISOR, agrees: true }, SUPERVISOR)).not.toThrow();
  });
});
