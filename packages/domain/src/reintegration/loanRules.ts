import { cite } from '../shared/legalBasis.js';
import { defineRule } from '../shared/rules.js';

/** QĐ 22/2023/QĐ-TTg: who may borrow, how much, for how long (DOMAIN.md §4.4). */
export const LOAN_LIMITS = {
  windowYears: 5,
  vocationalPerMonth: 4_000_000,
  businessMax: 100_000_000,
  maxTermMonths: 120,
} as const;

export const LOAN_RULES = {
  window: defineRule({
    id: 'loan.five-year-window',
    kind: 'illegal-state',
    vi: 'Quá 5 năm kể từ khi chấp hành xong án phạt tù (hoặc được đặc xá)',
    en: 'More than five years since the sentence ended (or the amnesty certificate)',
    basis: cite('QĐ22', '3(2)(a)'),
  }),
  confirmation: defineRule({
    id: 'loan.commune-confirmation',
    kind: 'illegal-state',
    vi: 'Thiếu xác nhận của UBND xã vào danh sách đủ điều kiện (Mẫu 01)',
    en: "The commune People's Committee has not confirmed the eligibility list (Mẫu 01)",
    basis: cite('QĐ22', '3(2)(a)'),
  }),
  amount: defineRule({
    id: 'loan.amount-limit',
    kind: 'illegal-state',
    vi: 'Số tiền vượt mức cho vay tối đa',
    en: 'The amount exceeds the maximum loan',
    basis: cite('QĐ22', '6'),
  }),
  term: defineRule({
    id: 'loan.term-limit',
    kind: 'illegal-state',
    vi: 'Thời hạn vay vượt mức tối đa',
    en: 'The term exceeds the maximum',
    basis: cite('QĐ22', '8'),
  }),
  courseLength: defineRule({
    id: 'loan.course-length-required',
    kind: 'illegal-state',
    vi: 'Vay học nghề cần thời gian khóa học',
    en: 'A vocational loan needs the course length',
    // The course length sets both the amount (per month of the course) and the term.
    basis: cite('QĐ22', '6'),
  }),
  samePurpose: defineRule({
    id: 'loan.outstanding-same-purpose',
    kind: 'illegal-state',
    vi: 'Còn dư nợ vay cùng mục đích tại Ngân hàng Chính sách xã hội',
    en: 'A loan for the same purpose is still outstanding at VBSP',
    // 3(3) also bars debt under VBSP's other programmes, which this system cannot see: VBSP checks those.
    basis: cite('QĐ22', '3(3)'),
  }),
  lawAbiding: defineRule({
    id: 'loan.law-abiding',
    kind: 'illegal-state',
    vi: 'Hồ sơ ghi nhận vi phạm pháp luật, bị tạm giữ, tạm giam hoặc kết án từ ngày UBND xã xác nhận danh sách (Mẫu 01), hoặc người vay đang bị tạm giữ: chưa đủ điều kiện chấp hành tốt pháp luật',
    en: 'The case records a violation, detention or conviction since the commune confirmed the list (Mẫu 01), or the borrower is held: the law-abiding condition is not met',
    basis: cite('QĐ22', '3(2)(a)'),
  }),
  unknown: defineRule({
    id: 'loan.unknown',
    kind: 'illegal-state',
    vi: 'Không có khoản vay này trong hồ sơ',
    en: 'No such loan on the case',
  }),
  status: defineRule({
    id: 'loan.wrong-status',
    kind: 'illegal-state',
    vi: 'Khoản vay không ở trạng thái cho phép thao tác này',
    en: 'The loan is not in a state that allows this',
  }),
} as const;
