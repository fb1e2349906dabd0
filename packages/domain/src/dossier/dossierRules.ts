import { cite } from '../shared/legalBasis.js';
import { defineRule } from '../shared/rules.js';

const rule = (id: string, vi: string, en: string, source: 'LĐX' | 'NĐ52', article: string) =>
  defineRule({ id: `dossier.${id}`, kind: 'illegal-state', vi, en, basis: cite(source, article) });

export const DOSSIER_RULES = {
  role: defineRule({
    id: 'dossier.role',
    kind: 'forbidden',
    vi: 'Vai trò này không thực hiện bước này của hồ sơ đặc xá',
    en: 'This role does not take this step on an amnesty dossier',
  }),
  exists: rule('exists', 'Đã có đơn đề nghị', 'The petition already exists', 'LĐX', '15(1)'),
  none: rule('none', 'Chưa có đơn đề nghị đặc xá', 'There is no petition', 'LĐX', '15(1)'),
  petitionWindow: rule(
    'petition-window',
    'Quá 5 ngày kể từ khi niêm yết Quyết định về đặc xá',
    'More than 5 days after the decision was posted',
    'LĐX',
    '15(1)',
  ),
  decided: rule('decided', 'Hồ sơ đã có kết quả đặc xá', 'The dossier already has its outcome', 'LĐX', '18'),
  disqualified: rule(
    'disqualified',
    'Hồ sơ thuộc trường hợp không được đề nghị đặc xá',
    'The dossier is disqualified',
    'LĐX',
    '12',
  ),
  notAssessed: rule(
    'not-assessed',
    'Chưa đánh giá điều kiện',
    'Eligibility has not been assessed',
    'LĐX',
    '11',
  ),
  notEligible: rule(
    'not-eligible',
    'Người này không đủ điều kiện đề nghị đặc xá',
    'The person is not eligible',
    'LĐX',
    '11',
  ),
  complaintOnlyIfOmitted: rule(
    'complaint-only-if-omitted',
    'Chỉ khiếu nại khi không được đưa vào danh sách đủ điều kiện',
    'Complaints are for people left off the eligible list',
    'LĐX',
    '36',
  ),
  complaintWindow: rule(
    'complaint-window',
    'Quá thời hạn 5 ngày kể từ ngày niêm yết danh sách',
    'More than 5 days after the list was posted',
    'LĐX',
    '36(3)',
  ),
  noComplaint: rule(
    'no-complaint',
    'Không có khiếu nại này hoặc đã giải quyết',
    'No such pending complaint',
    'LĐX',
    '37',
  ),
  appealNeedsRejection: rule(
    'appeal-needs-rejection',
    'Chỉ khiếu nại tiếp khi khiếu nại lần đầu bị bác',
    'An appeal follows only a rejected complaint',
    'LĐX',
    '37(2)',
  ),
  appealWindow: rule(
    'appeal-window',
    'Quá 5 ngày kể từ khi nhận quyết định giải quyết',
    'More than 5 days after the resolution',
    'LĐX',
    '37(2)',
  ),
  notInGrantDecision: rule(
    'not-in-grant-decision',
    'Quyết định đặc xá không có tên người này',
    'The grant decision does not name this person',
    'LĐX',
    '18',
  ),
  proposalNeedsEligibility: rule(
    'proposal-needs-eligibility',
    'Chỉ đề nghị đặc xá người đã được đánh giá đủ điều kiện',
    'Only an assessed, eligible person can be proposed',
    'LĐX',
    '14(5)',
  ),
  notGranted: rule(
    'not-granted',
    'Người này không được đặc xá',
    'This person was not granted amnesty',
    'LĐX',
    '18',
  ),
} as const;
