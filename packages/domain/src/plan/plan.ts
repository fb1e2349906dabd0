import { defineCommand, type CommandOf } from '../shared/command.js';
import type { DocRef } from '../shared/docRef.js';
import { eventOf } from '../shared/defineEvent.js';
import { cite } from '../shared/legalBasis.js';
import { CHAIR_SIGNERS } from '../shared/roles.js';
import { defineRule, ensure, refuse } from '../shared/rules.js';
import {
  CommendationGranted,
  CommendationProposed,
  ImplementationPlanIssued,
  type PlanEvent,
} from './events.js';
import { NOTHING_LOADED, type PlanContext } from './context.js';
import { PARENT_PLAN_RULES, parentPaper } from './parent.js';

export const IssuePlan = defineCommand({
  type: 'IssuePlan',
  label: { vi: 'Ban hành kế hoạch', en: 'Issue a plan' },
  // The parent is named by its stream (parentPlanId); its paper is read from there, never typed in.
  schema: ImplementationPlanIssued.schema.omit({ parent: true }),
});
export const ProposeCommendation = defineCommand({
  type: 'ProposeCommendation',
  label: { vi: 'Đề nghị khen thưởng', en: 'Propose a commendation' },
  schema: CommendationProposed.schema,
});
export const GrantCommendation = defineCommand({
  type: 'GrantCommendation',
  label: { vi: 'Quyết định khen thưởng', en: 'Grant a commendation' },
  schema: CommendationGranted.schema,
});
export type PlanCommand = CommandOf<typeof IssuePlan | typeof ProposeCommendation | typeof GrantCommendation>;

/** A plan: issued once by a People's Committee; its tasks live in their own streams. */
export type PlanState =
  | { status: 'none' }
  | {
      status: 'issued';
      planId: string;
      plan: DocRef;
      level: 'PROVINCE' | 'COMMUNE';
      issuerUnit: string;
      issuedOn: string;
      parentPlanId: string | null;
      taskGroups: number[];
      reportDue: string;
      reportChannel: string;
      commendations: Readonly<Record<string, 'PROPOSED' | 'GRANTED'>>;
    };

export const initialPlanState: PlanState = { status: 'none' };

export const PLAN_RULES = {
  none: defineRule({
    id: 'plan.none',
    kind: 'illegal-state',
    vi: 'Chưa có kế hoạch',
    en: 'There is no such plan',
  }),
  noProposal: defineRule({
    id: 'plan.commendation-needs-proposal',
    kind: 'illegal-state',
    vi: 'Chưa có đề nghị khen thưởng này, hoặc đã quyết định',
    en: 'No such pending commendation proposal',
  }),
  commendationRole: defineRule({
    id: 'plan.commendation-role',
    kind: 'forbidden',
    vi: 'Phòng Văn hóa – Xã hội đề nghị, Chủ tịch UBND quyết định khen thưởng',
    en: 'The culture and social office proposes; the chair decides',
    // As the commune's plan (13/KH-UBND III.2) divides the work: a source document, not a legal basis.
  }),
  exists: defineRule({
    id: 'plan.exists',
    kind: 'illegal-state',
    vi: 'Kế hoạch đã ban hành',
    en: 'The plan has already been issued',
  }),
  issuer: defineRule({
    id: 'plan.issuer',
    kind: 'forbidden',
    vi: 'Chỉ Chủ tịch UBND cấp đó ban hành kế hoạch của đơn vị mình',
    en: "Only the People's Committee chair issues their own unit's plan",
    basis: cite('NĐ49', '20(2)'),
  }),
  ...PARENT_PLAN_RULES,
} as const;

export function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  switch (event.type) {
    case 'ImplementationPlanIssued': {
      const d = event.data;
      return {
        status: 'issued',
        planId: d.planId,
        plan: d.plan,
        level: d.level,
        issuerUnit: d.issuerUnit,
        issuedOn: d.issuedOn,
        parentPlanId: d.parentPlanId ?? null,
        taskGroups: d.taskGroups.map((g) => g.no),
        reportDue: d.reportDue,
        reportChannel: d.reportChannel,
        commendations: {},
      };
    }
    case 'CommendationProposed':
    case 'CommendationGranted':
      if (state.status === 'none') return state;
      return {
        ...state,
        commendations: {
          ...state.commendations,
          [event.data.commendationId]: event.type === 'CommendationProposed' ? 'PROPOSED' : 'GRANTED',
        },
      };
  }
}

/**
 * Without a context (no handler read the log) a plan naming a parent is refused: nothing shows the
 * parent was issued, or by whom.
 */
export function decidePlan(
  command: PlanCommand,
  state: PlanState,
  context: PlanContext = NOTHING_LOADED,
): PlanEvent[] {
  const { role, unit } = command.meta;
  switch (command.type) {
    case 'IssuePlan': {
      ensure(state.status === 'none', PLAN_RULES.exists);
      const roleFits =
        command.data.level === 'COMMUNE' ? CHAIR_SIGNERS.includes(role) : role === 'provincial-committee';
      ensure(roleFits && unit === command.data.issuerUnit, PLAN_RULES.issuer);
      const { parentPlanId } = command.data;
      if (parentPlanId === undefined) return [eventOf(ImplementationPlanIssued, command.data)];
      const parent = parentPaper(parentPlanId, command.data, context);
      return [eventOf(ImplementationPlanIssued, { ...command.data, parent })];
    }
    case 'ProposeCommendation':
      ensure(state.status === 'issued', PLAN_RULES.none);
      ensure(CommendationProposed.emittedBy.includes(role), PLAN_RULES.commendationRole);
      return [eventOf(CommendationProposed, command.data)];
    case 'GrantCommendation':
      if (state.status !== 'issued') return refuse(PLAN_RULES.none);
      ensure(
        CommendationGranted.emittedBy.includes(role) && unit === state.issuerUnit,
        PLAN_RULES.commendationRole,
      );
      ensure(state.commendations[command.data.commendationId] === 'PROPOSED', PLAN_RULES.noProposal);
      return [eventOf(CommendationGranted, command.data)];
  }
}
