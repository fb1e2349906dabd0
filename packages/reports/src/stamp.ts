import { formatDate } from './vnFormat.js';

/** What the stamp of a report names: which report, of which unit and period, at which position. */
export interface StampOf {
  id: string;
  unit: string;
  period: { code: string; from: string; to: string };
  position: string;
}

/**
 * The lines stating where the figures come from and how to get them again, byte for byte: the log
 * position is written as digits (no separators) so it can be pasted into `--at`.
 */
export function positionStamp(of: StampOf): string[] {
  return [
    `Số liệu tính từ nhật ký sự kiện của dacxa đến hết vị trí ${of.position}; kỳ báo cáo từ ngày ${formatDate(of.period.from)} đến ngày ${formatDate(of.period.to)} (theo ngày xảy ra của từng sự kiện).`,
    `Lập lại đúng số liệu này: dacxa report ${of.id} --unit ${of.unit} --period ${of.period.code} --at ${of.position} (hoặc GET /reports/${of.id}?unit=${of.unit}&period=${of.period.code}&at=${of.position}).`,
    'Báo cáo chỉ gồm số liệu tổng hợp, không ghi họ tên người được quản lý, giám sát, giáo dục, giúp đỡ.',
  ];
}
