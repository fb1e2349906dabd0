import { z } from 'zod';
import { DeadlineFacts } from '../calendar/deadlineFact.js';
import { DocRef } from '../shared/docRef.js';
import { defineEvent, type EventOf } from '../shared/defineEvent.js';
import { cite } from '../shared/legalBasis.js';
import { LocalDate } from '../shared/localDate.js';
import type { Role } from '../shared/roles.js';
import { RoundParameters } from './parameters.js';

const aggregate = 'round';
// Central acts (the President's, the Council's) are recorded by the police amnesty bodies.
const recorders: readonly Role[] = ['amnesty-subcommittee', 'provincial-police', 'admin'];
const facility: readonly Role[] = ['facility-warden', 'amnesty-subcommittee', 'court'];
// Only a facility posts the decision where people serve their sentence (LĐX 9(2), 15(1)); the
// provincial court notifies those whose sentence it suspended instead (LĐX 15(3)).
const detention: readonly Role[] = ['facility-warden', 'amnesty-subcommittee'];
const ids = z.array(z.uuid());
// A unit code of the organisation tree (`tp-hai-phong`, `xa-an-khanh/cong-an`).
const UnitCode = z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/);

function roundEvent<const T extends string, F extends z.ZodRawShape>(
  type: T,
  vi: string,
  en: string,
  emittedBy: readonly Role[],
  article: string,
  fields: F,
  version = 1,
) {
  return defineEvent({
    type,
    version,
    aggregate,
    label: { vi, en },
    emittedBy,
    basis: [cite('LĐX', article)],
    schema: z.object(fields).strict(),
  });
}

export const AmnestyProposalSubmitted = roundEvent(
  'AmnestyProposalSubmitted',
  'Chính phủ trình đề xuất đặc xá',
  'Amnesty proposal submitted',
  recorders,
  '8',
  {
    roundId: z.uuid(),
    /** The province whose amnesty work this round's stream records (v2). */
    province: UnitCode,
    occasion: z.string().min(1),
    amnestyDate: LocalDate,
    submittedOn: LocalDate,
    daysBeforeAmnesty: z.number().int(),
    /** Under the 60 days LĐX 8 asks for: the Government's act is recorded as it was, and flagged. */
    marginShort: z.boolean().optional(),
    /** The Government's submission (tờ trình), số/ký hiệu and date. */
    document: DocRef.optional(),
  },
  2,
);
export const AmnestyRoundDecided = roundEvent(
  'AmnestyRoundDecided',
  'Chủ tịch nước ban hành Quyết định về đặc xá',
  'Amnesty round decided',
  recorders,
  '5',
  {
    roundId: z.uuid(),
    /** The province whose amnesty work this round's stream records (v2); a stream may open here. */
    province: UnitCode,
    decision: DocRef,
    occasion: z.string().min(1),
    amnestyDate: LocalDate,
    /** Left out when the decision's conditions are not yet known here: entered later, with their document. */
    parameters: RoundParameters.optional(),
  },
  2,
);
export const RoundParametersEntered = roundEvent(
  'RoundParametersEntered',
  'Ghi nhận điều kiện, tiêu chuẩn xét đặc xá của đợt',
  'Round parameters entered',
  recorders,
  '5',
  {
    parameters: RoundParameters,
    /** The decision or guidance the parameters are read from (e.g. 33/HD-HĐTVĐX). */
    document: DocRef,
    enteredOn: LocalDate,
  },
);
export const AmnestyRoundAnnounced = roundEvent(
  'AmnestyRoundAnnounced',
  'Công bố Quyết định về đặc xá',
  'Amnesty round announced',
  recorders,
  '9(1)',
  { announcedOn: LocalDate },
);
export const AdvisoryCouncilEstablished = roundEvent(
  'AdvisoryCouncilEstablished',
  'Thành lập Hội đồng tư vấn đặc xá',
  'Advisory Council established',
  recorders,
  '10(1)',
  {
    decision: DocRef,
    memberAgencies: z.array(z.string().min(1)).min(1),
  },
);
export const AppraisalTeamEstablished = roundEvent(
  'AppraisalTeamEstablished',
  'Thành lập Tổ thẩm định liên ngành',
  'Appraisal team established',
  recorders,
  '10(3)',
  {
    teamId: z.uuid(),
    memberAgencies: z.array(z.string().min(1)).min(1),
    facilities: z.array(z.string().min(1)),
    /** The decision establishing the team. */
    document: DocRef.optional(),
  },
);
export const RoundGuidanceIssued = roundEvent(
  'RoundGuidanceIssued',
  'Hội đồng tư vấn đặc xá ban hành Hướng dẫn',
  'Round guidance issued',
  recorders,
  '35(1)',
  {
    guidance: DocRef,
    milestones: z.array(z.object({ code: z.string().min(1), from: LocalDate, to: LocalDate }).strict()),
  },
);
export const PrimeMinisterDispatchIssued = roundEvent(
  'PrimeMinisterDispatchIssued',
  'Công điện của Thủ tướng Chính phủ',
  'Prime Minister’s dispatch issued',
  recorders,
  '25',
  { dispatch: DocRef },
);
export const RoundDecisionPostedAtFacility = roundEvent(
  'RoundDecisionPostedAtFacility',
  'Niêm yết Quyết định về đặc xá tại trại',
  'Round decision posted at a facility',
  detention,
  '15(1)',
  {
    facilityId: z.string().min(1),
    postedOn: LocalDate,
    /** Computed: the facility's lists and dossiers are due 10 days after posting (LĐX 15(2)). */
    listsDueBy: LocalDate.optional(),
    /** The facts the due date comes from: views derive the date. */
    deadlines: DeadlineFacts.optional(),
  },
);
export const RoundDecisionNotifiedToSuspended = roundEvent(
  'RoundDecisionNotifiedToSuspended',
  'Tòa án thông báo Quyết định về đặc xá cho người đang được tạm đình chỉ chấp hành án phạt tù',
  'The court notified the suspended persons of the round decision',
  ['court'],
  '15(3)',
  {
    /** The court's unit: it compiles its suspended persons' list as a facility compiles its own. */
    facilityId: z.string().min(1),
    notifiedOn: LocalDate,
    /** The round's announcement, which the court's 15 days run from (read from the round's stream). */
    announcedOn: LocalDate,
    /** Computed: the court's list and dossiers are due 15 days after the announcement (LĐX 15(3)). */
    listsDueBy: LocalDate,
    deadlines: DeadlineFacts.optional(),
  },
);
export const ProposalListCompiled = roundEvent(
  'ProposalListCompiled',
  'Lập danh sách đề nghị đặc xá',
  'Proposal list compiled',
  facility,
  '15(2)',
  {
    listId: z.uuid(),
    facilityId: z.string().min(1),
    kind: z.enum(['ELIGIBLE', 'INELIGIBLE']),
    dossierIds: ids,
    compiledOn: LocalDate,
  },
);
export const ProposalListPosted = roundEvent(
  'ProposalListPosted',
  'Niêm yết công khai danh sách đề nghị đặc xá',
  'Proposal list posted',
  facility,
  '15(4)',
  {
    listId: z.uuid(),
    facilityId: z.string().min(1),
    kind: z.enum(['ELIGIBLE', 'INELIGIBLE']),
    dossierIds: ids,
    postedOn: LocalDate,
    /** Complaints about omission close 5 days after posting (LĐX 36(3)). */
    complaintsCloseOn: LocalDate,
    /** The facts the due dates come from (rule, start, calendar version): views derive the dates. */
    deadlines: DeadlineFacts.optional(),
  },
);
export const ProcuracyNotifiedOfList = roundEvent(
  'ProcuracyNotifiedOfList',
  'Thông báo Viện kiểm sát để kiểm sát',
  'Procuracy notified of a list',
  facility,
  '15(5)',
  {
    listId: z.uuid(),
    procuracyUnit: z.string().min(1),
    sentOn: LocalDate,
    /** The written notice to the procuracy (LĐX 15(5)). */
    document: DocRef.optional(),
  },
);
export const ListsSentToAppraisal = roundEvent(
  'ListsSentToAppraisal',
  'Gửi hồ sơ, danh sách cho Tổ thẩm định',
  'Lists sent to the appraisal team',
  facility,
  '16(1)',
  {
    listIds: ids,
    teamId: z.uuid(),
    sentOn: LocalDate,
    appraisalDue: LocalDate,
    /** The facts the due dates come from (rule, start, calendar version): views derive the dates. */
    deadlines: DeadlineFacts.optional(),
    /** The dispatch (công văn) sending the lists. */
    document: DocRef.optional(),
  },
);
export const AppraisalMinutesIssued = roundEvent(
  'AppraisalMinutesIssued',
  'Biên bản thẩm định và hai danh sách',
  'Appraisal minutes issued',
  recorders,
  '16(2)',
  {
    teamId: z.uuid(),
    eligible: ids,
    ineligible: ids,
    minutes: DocRef,
  },
);
export const FinalListsSentToCouncilStanding = roundEvent(
  'FinalListsSentToCouncilStanding',
  'Gửi danh sách đủ/không đủ điều kiện đến Thường trực Hội đồng',
  'Final lists sent to the Council’s standing body',
  facility,
  '15(6)',
  {
    eligible: ids,
    ineligible: ids,
    sentOn: LocalDate,
    /** The dispatch sending the final lists. */
    document: DocRef.optional(),
  },
);
export const CouncilMemberReviewed = roundEvent(
  'CouncilMemberReviewed',
  'Ủy viên Hội đồng tư vấn đặc xá thẩm tra',
  'Council member reviewed',
  recorders,
  '17(2)',
  {
    memberAgency: z.string().min(1),
    reviewedOn: LocalDate,
    requestsForClarification: z.array(z.string().min(1)),
  },
);
export const CouncilListApproved = roundEvent(
  'CouncilListApproved',
  'Hội đồng tư vấn đặc xá họp xét duyệt',
  'Council approved the list',
  recorders,
  '17(3)',
  {
    meetingOn: LocalDate,
    approved: ids,
    rejected: ids,
    /** The minutes of the Council's meeting. */
    document: DocRef.optional(),
  },
);
export const PresidentialOfficeReviewed = roundEvent(
  'PresidentialOfficeReviewed',
  'Văn phòng Chủ tịch nước rà soát danh sách',
  'Office of the President reviewed the list',
  recorders,
  '17(4)',
  {
    reviewedOn: LocalDate,
    issues: z.array(z.string().min(1)),
    /** The Office's submission (tờ trình) to the President. */
    document: DocRef.optional(),
  },
);
export const AmnestyGrantDecisionIssued = roundEvent(
  'AmnestyGrantDecisionIssued',
  'Quyết định đặc xá của Chủ tịch nước',
  'Amnesty grant decision issued',
  recorders,
  '18',
  {
    decision: DocRef,
    effectiveFrom: LocalDate,
    granted: ids,
  },
);
export const RoundReviewConcluded = roundEvent(
  'RoundReviewConcluded',
  'Tổng kết đợt đặc xá',
  'Round review concluded',
  recorders,
  '35',
  {
    concludedOn: LocalDate,
    grantedTotal: z.number().int().nonnegative(),
    reoffendedCount: z.number().int().nonnegative(),
    findings: z.string().min(1),
    /** The summary report (báo cáo tổng kết). */
    document: DocRef.optional(),
  },
);

export const ROUND_EVENTS = [
  AmnestyProposalSubmitted,
  AmnestyRoundDecided,
  RoundParametersEntered,
  AmnestyRoundAnnounced,
  AdvisoryCouncilEstablished,
  AppraisalTeamEstablished,
  RoundGuidanceIssued,
  PrimeMinisterDispatchIssued,
  RoundDecisionPostedAtFacility,
  RoundDecisionNotifiedToSuspended,
  ProposalListCompiled,
  ProposalListPosted,
  ProcuracyNotifiedOfList,
  ListsSentToAppraisal,
  AppraisalMinutesIssued,
  FinalListsSentToCouncilStanding,
  CouncilMemberReviewed,
  CouncilListApproved,
  PresidentialOfficeReviewed,
  AmnestyGrantDecisionIssued,
  RoundReviewConcluded,
] as const;
export type RoundEvent = EventOf<(typeof ROUND_EVENTS)[number]>;

/** The round's opening events before they named their province (version 1). */
export const AmnestyProposalSubmittedV1 = AmnestyProposalSubmitted.schema.omit({ province: true });
export const AmnestyRoundDecidedV1 = AmnestyRoundDecided.schema.omit({ province: true });
