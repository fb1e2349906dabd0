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
  notListed: defineRule({
    id: 'loan.not-on-police-list',
    kind: 'illegal-state',
    vi: 'Người này không có tên trong danh sách do Công an xã lập (Mẫu 01) của xã đang quản lý',
    en: "The person is not on the commune police's eligibility list (Mẫu 01) of the managing commune",
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
    // Loans on this case, including those carried over from a former commune's case.
    basis: cite('QĐ22', '3(3)'),
  }),
  otherProgrammeUndeclared: defineRule({
    id: 'loan.other-programme-debt-undeclared',
    kind: 'illegal-state',
    vi: 'Chưa có xác nhận của Ngân hàng Chính sách xã hội về dư nợ theo các chương trình tín dụng khác',
    en: "VBSP has not stated the borrower's debt under its other programmes",
    // The bank's other programmes are not in this log: only VBSP can say, on the application.
    basis: cite('QĐ22', '3(3)'),
  }),
  otherProgrammeOutstanding: defineRule({
    id: 'loan.other-programme-debt-outstanding',
    kind: 'illegal-state',
    vi: 'Còn dư nợ cùng mục đích theo chương trình tín dụng khác của Ngân hàng Chính sách xã hội',
    en: 'Debt for the same purpose is outstanding under another VBSP programme',
    basis: cite('QĐ22', '3(3)'),
  }),
  noRate: defineRule({
    id: 'loan.no-rate-in-force',
    kind: 'illegal-state',
    vi: 'Chưa ghi nhận lãi suất cho vay hộ nghèo có hiệu lực vào ngày duyệt',
    en: 'No poor-household lending rate is recorded in force on the approval day',
    basis: cite('QĐ22', '9'),
  }),
  rate: defineRule({
    id: 'loan.rate-not-poor-household',
    kind: 'illegal-state',
    vi: 'Lãi suất cho vay phải bằng lãi suất cho vay hộ nghèo có hiệu lực vào ngày duyệt',
    en: 'The rate must be the poor-household lending rate in force on the approval day',
    basis: cite('QĐ22', '9'),
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
