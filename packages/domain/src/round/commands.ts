import { writtenAct } from '../shared/writtenAct.js';
import { type z } from 'zod';
import { defineCommand, type CommandOf } from '../shared/command.js';
import * as e from './events.js';

const from = <T extends string, S extends z.ZodType>(type: T, vi: string, en: string, schema: S) =>
  defineCommand({ type, label: { vi, en }, schema });

export const ROUND_COMMANDS = [
  from(
    'RecordAmnestyProposal',
    'Ghi nhận tờ trình đặc xá',
    'Record the amnesty proposal',
    writtenAct(e.AmnestyProposalSubmitted.schema.omit({ daysBeforeAmnesty: true, marginShort: true })),
  ),
  from(
    'RecordRoundDecision',
    'Ghi nhận Quyết định về đặc xá',
    'Record the round decision',
    e.AmnestyRoundDecided.schema,
  ),
  from(
    'EnterRoundParameters',
    'Ghi nhận điều kiện xét đặc xá',
    'Enter the round’s parameters',
    e.RoundParametersEntered.schema,
  ),
  from(
    'RecordRoundAnnouncement',
    'Ghi nhận công bố',
    'Record the announcement',
    e.AmnestyRoundAnnounced.schema,
  ),
  from(
    'RecordAdvisoryCouncil',
    'Ghi nhận thành lập Hội đồng',
    'Record the Advisory Council',
    e.AdvisoryCouncilEstablished.schema,
  ),
  from(
    'RecordAppraisalTeam',
    'Ghi nhận Tổ thẩm định',
    'Record an appraisal team',
    writtenAct(e.AppraisalTeamEstablished.schema),
  ),
  from('RecordRoundGuidance', 'Ghi nhận Hướng dẫn', 'Record the guidance', e.RoundGuidanceIssued.schema),
  from(
    'RecordPrimeMinisterDispatch',
    'Ghi nhận Công điện',
    'Record the dispatch',
    e.PrimeMinisterDispatchIssued.schema,
  ),
  from(
    'PostRoundDecisionAtFacility',
    'Niêm yết Quyết định tại trại',
    'Post the decision at a facility',
    e.RoundDecisionPostedAtFacility.schema.omit({ listsDueBy: true, deadlines: true }),
  ),
  from('CompileProposalList', 'Lập danh sách', 'Compile a proposal list', e.ProposalListCompiled.schema),
  from(
    'PostProposalList',
    'Niêm yết danh sách',
    'Post a proposal list',
    e.ProposalListPosted.schema.omit({ complaintsCloseOn: true, deadlines: true }),
  ),
  from(
    'NotifyProcuracyOfList',
    'Thông báo Viện kiểm sát',
    'Notify the procuracy of a list',
    writtenAct(e.ProcuracyNotifiedOfList.schema),
  ),
  from(
    'SendListsToAppraisal',
    'Gửi Tổ thẩm định',
    'Send lists to appraisal',
    writtenAct(e.ListsSentToAppraisal.schema.omit({ appraisalDue: true, deadlines: true })),
  ),
  from(
    'RecordAppraisalMinutes',
    'Ghi nhận biên bản thẩm định',
    'Record the appraisal minutes',
    e.AppraisalMinutesIssued.schema,
  ),
  from(
    'SendFinalListsToCouncil',
    'Gửi danh sách đến Thường trực Hội đồng',
    'Send the final lists to the Council',
    writtenAct(e.FinalListsSentToCouncilStanding.schema),
  ),
  from(
    'RecordCouncilMemberReview',
    'Ghi nhận thẩm tra của Ủy viên Hội đồng',
    'Record a Council member’s review',
    e.CouncilMemberReviewed.schema,
  ),
  from(
    'RecordCouncilApproval',
    'Ghi nhận Hội đồng xét duyệt',
    'Record the Council approval',
    writtenAct(e.CouncilListApproved.schema),
  ),
  from(
    'RecordPresidentialOfficeReview',
    'Ghi nhận rà soát của Văn phòng Chủ tịch nước',
    'Record the Office of the President’s review',
    writtenAct(e.PresidentialOfficeReviewed.schema),
  ),
  from(
    'RecordGrantDecision',
    'Ghi nhận Quyết định đặc xá',
    'Record the grant decision',
    e.AmnestyGrantDecisionIssued.schema,
  ),
  from(
    'ConcludeRoundReview',
    'Tổng kết đợt đặc xá',
    'Conclude the round review',
    writtenAct(e.RoundReviewConcluded.schema),
  ),
] as const;
export type RoundCommand = CommandOf<(typeof ROUND_COMMANDS)[number]>;
