import { writtenAct } from '../shared/writtenAct.js';
import { openDeadline } from '../calendar/deadlineFact.js';
import { BUILT_IN_CALENDAR } from '../calendar/builtInCalendar.js';
import type { HolidayCalendar } from '../calendar/holidayCalendar.js';
import { defineCommand, type CommandOf } from '../shared/command.js';
import { eventOf } from '../shared/defineEvent.js';
import { cite } from '../shared/legalBasis.js';
import { defineRule, ensure, refuse } from '../shared/rules.js';
import { OVERSIGHT_ROLES } from '../shared/roles.js';
import * as e from './events.js';

export const RecordFinding = defineCommand({
  type: 'RecordFinding',
  label: { vi: 'Ghi nhận kết quả kiểm sát, giám sát', en: 'Record a finding' },
  schema: e.OversightFindingRecorded.schema,
});
export const IssueRecommendation = defineCommand({
  type: 'IssueRecommendation',
  label: { vi: 'Ban hành yêu cầu, kiến nghị', en: 'Issue a request or recommendation' },
  schema: e.OversightRecommendationIssued.schema.omit({ responseDue: true, deadlines: true }),
});
export const RespondToRecommendation = defineCommand({
  type: 'RespondToRecommendation',
  label: { vi: 'Trả lời yêu cầu, kiến nghị', en: 'Respond to a recommendation' },
  schema: e.OversightResponseSubmitted.schema.omit({ late: true }),
});
export const CloseOversightMatter = defineCommand({
  type: 'CloseOversightMatter',
  label: { vi: 'Kết thúc vụ việc', en: 'Close the matter' },
  schema: writtenAct(e.OversightMatterClosed.schema),
});

export const OVERSIGHT_COMMANDS = [
  RecordFinding,
  IssueRecommendation,
  RespondToRecommendation,
  CloseOversightMatter,
] as const;
export type OversightCommand = CommandOf<(typeof OVERSIGHT_COMMANDS)[number]>;

interface Recommendation {
  addresseeUnit: string;
  responseDue: string;
  respondedOn: string | null;
}

/** A finding, with the requests and recommendations it led to and their responses. */
export type OversightState =
  | { status: 'none' }
  | {
      status: 'open' | 'closed';
      bodyUnit: string;
      recommendations: Readonly<Record<string, Recommendation>>;
    };
export const initialOversightState: OversightState = { status: 'none' };

export const OVERSIGHT_RULES = {
  bodiesOnly: defineRule({
    id: 'oversight.bodies-only',
    kind: 'forbidden',
    vi: 'Chỉ Viện kiểm sát (kiểm sát) và Mặt trận Tổ quốc (giám sát) ghi nhận kết quả, kiến nghị',
    en: 'Only the procuracy and the Fatherland Front record oversight',
    basis: cite('LĐX', '30'),
  }),
  bodyOfRole: defineRule({
    id: 'oversight.body-of-role',
    kind: 'forbidden',
    vi: 'Cơ quan ghi nhận phải là cơ quan của người ghi: Viện kiểm sát ghi kết quả kiểm sát, Mặt trận ghi kết quả giám sát',
    en: 'The body recorded must be the recorder’s own: the procuracy records its findings, the Front its own',
    basis: cite('LĐX', '30'),
  }),
  ownMatter: defineRule({
    id: 'oversight.own-matter',
    kind: 'forbidden',
    vi: 'Vụ việc do cơ quan giám sát khác ghi nhận',
    en: 'Another oversight body opened this matter',
  }),
  exists: defineRule({
    id: 'oversight.exists',
    kind: 'illegal-state',
    vi: 'Vụ việc đã có',
    en: 'The matter already exists',
  }),
  none: defineRule({
    id: 'oversight.none',
    kind: 'illegal-state',
    vi: 'Chưa có vụ việc',
    en: 'There is no such matter',
  }),
  closed: defineRule({
    id: 'oversight.closed',
    kind: 'illegal-state',
    vi: 'Vụ việc đã kết thúc',
    en: 'The matter is closed',
  }),
  addressee: defineRule({
    id: 'oversight.addressee',
    kind: 'forbidden',
    vi: 'Chỉ đơn vị được kiến nghị trả lời',
    en: 'Only the addressee responds',
    basis: cite('LĐX', '30(3)'),
  }),
  unknownRecommendation: defineRule({
    id: 'oversight.unknown-recommendation',
    kind: 'illegal-state',
    vi: 'Không có yêu cầu, kiến nghị này',
    en: 'No such request or recommendation',
  }),
  answered: defineRule({
    id: 'oversight.already-answered',
    kind: 'illegal-state',
    vi: 'Đã trả lời',
    en: 'Already answered',
  }),
} as const;

export function evolveOversight(state: OversightState, event: e.OversightEvent): OversightState {
  if (event.type === 'OversightFindingRecorded')
    return { status: 'open', bodyUnit: event.data.bodyUnit, recommendations: {} };
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'OversightRecommendationIssued': {
      const { recommendationId, addresseeUnit, responseDue } = event.data;
      return {
        ...state,
        recommendations: {
          ...state.recommendations,
          [recommendationId]: { addresseeUnit, responseDue, respondedOn: null },
        },
      };
    }
    case 'OversightResponseSubmitted': {
      const current = state.recommendations[event.data.recommendationId];
      if (!current) return state;
      return {
        ...state,
        recommendations: {
          ...state.recommendations,
          [event.data.recommendationId]: { ...current, respondedOn: event.data.respondedOn },
        },
      };
    }
    case 'OversightMatterClosed':
      return { ...state, status: 'closed' };
  }
}

/** The body each oversight role speaks for (the People's Council has no role here yet). */
const BODY_OF_ROLE: Partial<Record<string, string>> = {
  procuracy: 'PROCURACY',
  'fatherland-front': 'FATHERLAND_FRONT',
};

export function decideOversight(
  command: OversightCommand,
  state: OversightState,
  calendar: HolidayCalendar = BUILT_IN_CALENDAR,
): e.OversightEvent[] {
  const body = OVERSIGHT_ROLES.includes(command.meta.role);
  if (command.type === 'RecordFinding') {
    ensure(body && command.meta.unit === command.data.bodyUnit, OVERSIGHT_RULES.bodiesOnly);
    ensure(
      BODY_OF_ROLE[command.meta.role] === command.data.body,
      OVERSIGHT_RULES.bodyOfRole,
      command.data.body,
    );
    ensure(state.status === 'none', OVERSIGHT_RULES.exists);
    return [eventOf(e.OversightFindingRecorded, command.data)];
  }
  if (state.status === 'none') return refuse(OVERSIGHT_RULES.none);
  if (state.status === 'closed') return refuse(OVERSIGHT_RULES.closed);
  if (command.type === 'RespondToRecommendation') {
    const recommendation = state.recommendations[command.data.recommendationId];
    if (!recommendation) return refuse(OVERSIGHT_RULES.unknownRecommendation);
    ensure(command.meta.unit === recommendation.addresseeUnit, OVERSIGHT_RULES.addressee);
    ensure(recommendation.respondedOn === null, OVERSIGHT_RULES.answered);
    return [
      eventOf(e.OversightResponseSubmitted, {
        ...command.data,
        late: command.data.respondedOn > recommendation.responseDue,
      }),
    ];
  }
  ensure(body, OVERSIGHT_RULES.bodiesOnly);
  ensure(command.meta.unit === state.bodyUnit, OVERSIGHT_RULES.ownMatter);
  if (command.type === 'CloseOversightMatter') return [eventOf(e.OversightMatterClosed, command.data)];
  const { issuedOn, responseDays, dayKind } = command.data;
  const due = openDeadline('oversight.response', issuedOn, calendar, { days: responseDays, kind: dayKind });
  return [
    eventOf(e.OversightRecommendationIssued, {
      ...command.data,
      responseDue: due.date,
      deadlines: [due.fact],
    }),
  ];
}
