import { openDeadline } from '../calendar/deadlineFact.js';
import { BUILT_IN_CALENDAR } from '../calendar/builtInCalendar.js';
import type { HolidayCalendar } from '../calendar/holidayCalendar.js';
import { toUtcDate } from '../shared/localDate.js';
import { cite } from '../shared/legalBasis.js';
import { defineRule, ensure, refuse } from '../shared/rules.js';
import type { RoundCommand } from './commands.js';
import { ROUND_EVENTS, type RoundEvent } from './events.js';
import type { RoundParameters } from './parameters.js';

/** A list a facility posted: whose dossiers, when, and when complaints about it close (LĐX 36(3)). */
export interface ListState {
  facilityId: string;
  kind: 'ELIGIBLE' | 'INELIGIBLE';
  dossierIds: readonly string[];
  postedOn: string;
  complaintsCloseOn: string;
  procuracyNotified: boolean;
}

/** A round, from the Government's proposal to the review conference (DOMAIN.md §2a). */
export interface RoundState {
  /** The province whose amnesty work this round's stream records: its holder for the access policy. */
  province: string | null;
  /** Parameters null until entered: a round may be recorded before its conditions are known. */
  decided: { parameters: RoundParameters | null; amnestyDate: string } | null;
  announced: boolean;
  /** The day the decision was announced (LĐX 9(1)): what the court's 15 days run from (LĐX 15(3)). */
  announcedOn: string | null;
  postedAt: Readonly<Record<string, string>>;
  /** The courts that notified their suspended persons (LĐX 15(3)), and when: they compile for those only. */
  suspendedNotifiedAt: Readonly<Record<string, string>>;
  lists: Readonly<Record<string, ListState>>;
  sentToAppraisal: boolean;
  minutes: boolean;
  finalListsSent: boolean;
  approved: readonly string[];
  officeReviewed: boolean;
  granted: readonly string[] | null;
  /** The day the grant decision takes effect: the grant date of those it names. */
  grantedOn: string | null;
}
export const initialRoundState: RoundState = {
  province: null,
  decided: null,
  announced: false,
  announcedOn: null,
  postedAt: {},
  suspendedNotifiedAt: {},
  lists: {},
  sentToAppraisal: false,
  minutes: false,
  finalListsSent: false,
  approved: [],
  officeReviewed: false,
  granted: null,
  grantedOn: null,
};

const step = (id: string, vi: string, en: string, article: string) =>
  defineRule({ id: `round.${id}`, kind: 'illegal-state', vi, en, basis: cite('LĐX', article) });
export const ROUND_RULES = {
  recorder: defineRule({
    id: 'round.recorder',
    kind: 'forbidden',
    vi: 'Vai trò này không ghi nhận văn bản này của đợt đặc xá',
    en: 'This role does not record this act of the round',
  }),
  otherProvince: defineRule({
    id: 'round.other-province',
    kind: 'illegal-state',
    vi: 'Đợt đặc xá này được ghi nhận cho tỉnh, thành phố khác',
    en: 'This round’s stream records another province’s work',
  }),
  notDecided: step('not-decided', 'Chưa có Quyết định về đặc xá', 'The round has not been decided', '5'),
  decided: step('already-decided', 'Đợt đặc xá đã có Quyết định', 'The round is already decided', '5'),
  notAnnounced: step(
    'not-announced',
    'Quyết định về đặc xá chưa được công bố',
    'The decision has not been announced',
    '9(1)',
  ),
  notPosted: step(
    'not-posted-at-facility',
    'Quyết định chưa được niêm yết tại trại',
    'The decision has not been posted at that facility',
    '15(1)',
  ),
  courtListsSuspendedOnly: step(
    'court-lists-suspended-only',
    'Tòa án chỉ lập, niêm yết danh sách người đang được tạm đình chỉ chấp hành án phạt tù mà Tòa án đã thông báo',
    'A court compiles and posts only the list of the suspended persons it notified',
    '15(3)',
  ),
  courtOwnUnit: defineRule({
    id: 'round.court-own-unit',
    kind: 'forbidden',
    vi: 'Tòa án chỉ thông báo cho người do chính Tòa án quyết định tạm đình chỉ (ghi đơn vị của Tòa án)',
    en: 'A court notifies only those it suspended itself (under its own unit)',
    basis: cite('LĐX', '15(3)'),
  }),
  unknownList: step('unknown-list', 'Không có danh sách này', 'No such list', '15(4)'),
  procuracyFirst: step(
    'procuracy-before-appraisal',
    'Phải thông báo Viện kiểm sát trước khi gửi thẩm định',
    'The procuracy must be notified before appraisal',
    '15(5)',
  ),
  notAppraised: step(
    'not-appraised',
    'Chưa có kết quả thẩm định',
    'The appraisal has not concluded',
    '16(2)',
  ),
  notWithCouncil: step(
    'not-with-council',
    'Danh sách chưa được gửi Thường trực Hội đồng tư vấn đặc xá',
    'The lists have not reached the Council’s standing body',
    '17(1)',
  ),
  officeFirst: step(
    'office-review-before-grant',
    'Văn phòng Chủ tịch nước chưa rà soát danh sách',
    'The Office of the President has not reviewed the list',
    '17(4)',
  ),
  notApproved: step(
    'grant-needs-approval',
    'Chỉ người được Hội đồng xét duyệt mới được đặc xá',
    'Only dossiers the Council approved can be granted',
    '17(3)',
  ),
  notGranted: step('not-granted', 'Chưa có Quyết định đặc xá', 'There is no grant decision yet', '18'),
} as const;

export function evolveRound(state: RoundState, event: RoundEvent): RoundState {
  switch (event.type) {
    case 'AmnestyProposalSubmitted':
      return { ...state, province: state.province ?? event.data.province };
    case 'AmnestyRoundDecided':
      return {
        ...state,
        province: state.province ?? event.data.province,
        decided: { parameters: event.data.parameters ?? null, amnestyDate: event.data.amnestyDate },
      };
    case 'RoundParametersEntered':
      return state.decided
        ? { ...state, decided: { ...state.decided, parameters: event.data.parameters } }
        : state;
    case 'AmnestyRoundAnnounced':
      return { ...state, announced: true, announcedOn: state.announcedOn ?? event.data.announcedOn };
    case 'RoundDecisionNotifiedToSuspended':
      return {
        ...state,
        suspendedNotifiedAt: { ...state.suspendedNotifiedAt, [event.data.facilityId]: event.data.notifiedOn },
      };
    case 'RoundDecisionPostedAtFacility':
      return { ...state, postedAt: { ...state.postedAt, [event.data.facilityId]: event.data.postedOn } };
    case 'ProposalListPosted': {
      const { listId, facilityId, kind, dossierIds, postedOn, complaintsCloseOn } = event.data;
      return {
        ...state,
        lists: {
          ...state.lists,
          [listId]: { facilityId, kind, dossierIds, postedOn, complaintsCloseOn, procuracyNotified: false },
        },
      };
    }
    case 'ProcuracyNotifiedOfList': {
      const list = state.lists[event.data.listId];
      return list
        ? { ...state, lists: { ...state.lists, [event.data.listId]: { ...list, procuracyNotified: true } } }
        : state;
    }
    case 'ListsSentToAppraisal':
      return { ...state, sentToAppraisal: true };
    case 'AppraisalMinutesIssued':
      return { ...state, minutes: true };
    case 'FinalListsSentToCouncilStanding':
      return { ...state, finalListsSent: true };
    case 'CouncilListApproved':
      return { ...state, approved: event.data.approved };
    case 'PresidentialOfficeReviewed':
      return { ...state, officeReviewed: true };
    case 'AmnestyGrantDecisionIssued':
      return { ...state, granted: event.data.granted, grantedOn: event.data.effectiveFrom };
    case 'AdvisoryCouncilEstablished':
    case 'AppraisalTeamEstablished':
    case 'RoundGuidanceIssued':
    case 'PrimeMinisterDispatchIssued':
    case 'RoundReviewConcluded':
    case 'ProposalListCompiled':
    case 'CouncilMemberReviewed':
      return state;
  }
}

const EMITTERS = new Map<string, readonly string[]>(ROUND_EVENTS.map((e) => [e.type, e.emittedBy]));
const RECORDING_ROLES = new Set(ROUND_EVENTS.flatMap((e) => e.emittedBy));

/** The Government proposes at least 60 days before the amnesty date (LĐX 8). */
const PROPOSAL_MARGIN_DAYS = 60;

const days = (from: string, to: string): number =>
  Math.round((toUtcDate(to).getTime() - toUtcDate(from).getTime()) / 86_400_000);

/**
 * Whether this role may list for this holder: a court only for the suspended persons it notified
 * (LĐX 15(3)), a facility only where the decision was posted (LĐX 15(1)–(2)).
 */
function listHolder(state: RoundState, role: string, facilityId: string): void {
  if (role === 'court')
    ensure(
      state.suspendedNotifiedAt[facilityId] !== undefined,
      ROUND_RULES.courtListsSuspendedOnly,
      facilityId,
    );
  else ensure(state.postedAt[facilityId] !== undefined, ROUND_RULES.notPosted, facilityId);
}

export function decideRound(
  command: RoundCommand,
  state: RoundState,
  calendar: HolidayCalendar = BUILT_IN_CALENDAR,
): RoundEvent[] {
  const { type, data } = command;
  // Each act is recorded by the roles its event declares: a warden or a court posts and compiles at
  // its facility, never the President's, the Government's or the Council's documents.
  const emit = (event: RoundEvent): RoundEvent[] => {
    ensure(
      EMITTERS.get(event.type)?.includes(command.meta.role) === true,
      ROUND_RULES.recorder,
      command.meta.role,
    );
    return [event];
  };
  if (!RECORDING_ROLES.has(command.meta.role)) refuse(ROUND_RULES.recorder);
  if (type === 'RecordAmnestyProposal' || type === 'RecordRoundDecision') {
    const province = state.province;
    ensure(province === null || province === data.province, ROUND_RULES.otherProvince, province ?? '');
  }
  if (type === 'RecordAmnestyProposal') {
    const margin = days(data.submittedOn, data.amnestyDate);
    return emit({
      type: 'AmnestyProposalSubmitted',
      data: { ...data, daysBeforeAmnesty: margin, marginShort: margin < PROPOSAL_MARGIN_DAYS },
    });
  }
  if (type === 'RecordRoundDecision') {
    ensure(state.decided === null, ROUND_RULES.decided);
    return emit({ type: 'AmnestyRoundDecided', data });
  }
  if (state.decided === null) return refuse(ROUND_RULES.notDecided);
  switch (type) {
    case 'EnterRoundParameters':
      // A later guidance may correct what was entered: the latest entry applies from its recording.
      return emit({ type: 'RoundParametersEntered', data });
    case 'RecordRoundAnnouncement':
      return emit({ type: 'AmnestyRoundAnnounced', data });
    case 'RecordAdvisoryCouncil':
      return emit({ type: 'AdvisoryCouncilEstablished', data });
    case 'RecordAppraisalTeam':
      return emit({ type: 'AppraisalTeamEstablished', data });
    case 'RecordRoundGuidance':
      return emit({ type: 'RoundGuidanceIssued', data });
    case 'RecordPrimeMinisterDispatch':
      return emit({ type: 'PrimeMinisterDispatchIssued', data });
    case 'PostRoundDecisionAtFacility': {
      ensure(state.announced, ROUND_RULES.notAnnounced);
      // A court notifies the people whose sentence it suspended; its 15 days run from the announcement.
      if (command.meta.role === 'court') {
        ensure(data.facilityId === command.meta.unit, ROUND_RULES.courtOwnUnit, data.facilityId);
        const announcedOn = state.announcedOn ?? data.postedOn;
        const lists = openDeadline('round.court-list', announcedOn, calendar);
        return emit({
          type: 'RoundDecisionNotifiedToSuspended',
          data: {
            facilityId: data.facilityId,
            notifiedOn: data.postedOn,
            announcedOn,
            listsDueBy: lists.date,
            deadlines: [lists.fact],
          },
        });
      }
      const lists = openDeadline('round.facility-list', data.postedOn, calendar);
      return emit({
        type: 'RoundDecisionPostedAtFacility',
        data: { ...data, listsDueBy: lists.date, deadlines: [lists.fact] },
      });
    }
    case 'CompileProposalList':
      listHolder(state, command.meta.role, data.facilityId);
      return emit({ type: 'ProposalListCompiled', data });
    case 'PostProposalList': {
      listHolder(state, command.meta.role, data.facilityId);
      const window = openDeadline('round.complaint-window', data.postedOn, calendar);
      return emit({
        type: 'ProposalListPosted',
        data: { ...data, complaintsCloseOn: window.date, deadlines: [window.fact] },
      });
    }
    case 'NotifyProcuracyOfList':
      ensure(state.lists[data.listId] !== undefined, ROUND_RULES.unknownList);
      return emit({ type: 'ProcuracyNotifiedOfList', data });
    case 'SendListsToAppraisal': {
      for (const listId of data.listIds) {
        const list = state.lists[listId];
        if (!list) return refuse(ROUND_RULES.unknownList, listId);
        ensure(list.procuracyNotified, ROUND_RULES.procuracyFirst, listId);
      }
      const appraisal = openDeadline('round.appraisal', data.sentOn, calendar);
      return emit({
        type: 'ListsSentToAppraisal',
        data: { ...data, appraisalDue: appraisal.date, deadlines: [appraisal.fact] },
      });
    }
    case 'RecordAppraisalMinutes':
      ensure(state.sentToAppraisal, ROUND_RULES.notAppraised);
      return emit({ type: 'AppraisalMinutesIssued', data });
    case 'SendFinalListsToCouncil':
      ensure(state.minutes, ROUND_RULES.notAppraised);
      return emit({ type: 'FinalListsSentToCouncilStanding', data });
    case 'RecordCouncilMemberReview':
      ensure(state.finalListsSent, ROUND_RULES.notWithCouncil);
      return emit({ type: 'CouncilMemberReviewed', data });
    case 'RecordCouncilApproval':
      ensure(state.finalListsSent, ROUND_RULES.notWithCouncil);
      return emit({ type: 'CouncilListApproved', data });
    case 'RecordPresidentialOfficeReview':
      ensure(state.approved.length > 0, ROUND_RULES.notApproved);
      return emit({ type: 'PresidentialOfficeReviewed', data });
    case 'RecordGrantDecision': {
      ensure(state.officeReviewed, ROUND_RULES.officeFirst);
      const unapproved = data.granted.filter((id) => !state.approved.includes(id));
      ensure(unapproved.length === 0, ROUND_RULES.notApproved, unapproved.join(', '));
      return emit({ type: 'AmnestyGrantDecisionIssued', data });
    }
    case 'ConcludeRoundReview':
      ensure(state.granted !== null, ROUND_RULES.notGranted);
      return emit({ type: 'RoundReviewConcluded', data });
  }
}
