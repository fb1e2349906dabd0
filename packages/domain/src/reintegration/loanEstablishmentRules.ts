import { cite } from '../shared/legalBasis.js';
import { defineRule } from '../shared/rules.js';

/** QĐ 22/2023/QĐ-TTg for business establishments (DOMAIN.md §4.4). */
export const ESTABLISHMENT_LIMITS = {
  minReleasedSharePercent: 10,
  perProjectMax: 2_000_000_000,
  perReleasedWorkerMax: 100_000_000,
  unsecuredMax: 100_000_000,
  maxTermMonths: 120,
} as const;

const illegal = (id: string, vi: string, en: string, article?: string) =>
  defineRule({
    id: `establishment-loan.${id}`,
    kind: 'illegal-state',
    vi,
    en,
    ...(article ? { basis: cite('QĐ22', article) } : {}),
  });

export const ESTABLISHMENT_RULES = {
  exists: illegal('exists', 'Khoản vay này đã có đề nghị', 'This loan has already been applied for'),
  share: illegal(
    'released-share',
    'Người chấp hành xong án phạt tù có hợp đồng lao động phải chiếm tối thiểu 10% tổng số lao động của cơ sở',
    'People who served a sentence, under labour contracts, must be at least 10% of the workforce',
    '3(2)(b)',
  ),
  workforce: illegal(
    'workforce',
    'Số người chấp hành xong án phạt tù vượt tổng số lao động',
    'More released workers than workers',
    '3(2)(b)',
  ),
  plan: illegal(
    'plan-confirmed',
    'Thiếu phương án sản xuất, kinh doanh được UBND xã xác nhận (Mẫu 02)',
    "The business plan confirmed by the commune People's Committee (Mẫu 02) is missing",
    '3(2)(b)',
  ),
  amount: illegal(
    'amount-limit',
    'Số tiền vượt 2 tỷ đồng/dự án hoặc 100 triệu đồng/người chấp hành xong án phạt tù',
    'The amount exceeds 2 billion đồng a project or 100 million đồng a released worker',
    '6',
  ),
  term: illegal('term-limit', 'Thời hạn vay vượt 120 tháng', 'The term exceeds 120 months', '8'),
  collateral: illegal(
    'collateral-required',
    'Khoản vay trên 100 triệu đồng phải có tài sản bảo đảm',
    'A loan above 100 million đồng must be secured',
    '10',
  ),
  status: illegal(
    'wrong-status',
    'Khoản vay không ở trạng thái chờ duyệt',
    'The loan is not awaiting a decision',
  ),
} as const;
