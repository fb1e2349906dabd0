import {
  bodyOf,
  issuerOf,
  placeOf,
  recipientsOf,
  type Block,
  type ReportDocument,
  type Signer,
} from './document.js';
import type { RoundSummary, RoundSummaryData } from './roundSummary.js';
import { communeTable, facilityTables } from './roundSummaryTables.js';
import { positionStamp } from './stamp.js';
import { formatDate, formatNumber } from './vnFormat.js';

const ref = (r: { number: string; date: string }) => `số ${r.number} ngày ${formatDate(r.date)}`;

function roundBlocks(round: RoundSummary, i: number, periodEnd: string): Block[] {
  const t = round.total;
  const c = round.communeTotal;
  const [dossiers, complaints] = facilityTables(round, i);
  const grant = round.grantDecision ? `; Quyết định đặc xá ${ref(round.grantDecision)}` : '';
  return [
    {
      heading: `${i}. Đợt đặc xá theo Quyết định ${ref(round.decision)} của Chủ tịch nước (${round.occasion}; ngày đặc xá ${formatDate(round.amnestyDate)}${grant})`,
      paragraphs: [
        `a) Lập hồ sơ, danh sách: ${formatNumber(t.petitioned)} người có đơn đề nghị đặc xá; ${formatNumber(t.eligible)} người đủ điều kiện, ${formatNumber(t.ineligible)} người không đủ điều kiện; ${formatNumber(t.appraised)} hồ sơ đã thẩm định; ${formatNumber(t.proposed)} người được đề nghị đặc xá; ${formatNumber(t.granted)} người được đặc xá; ${formatNumber(t.released)} người đã được trả tự do, ${formatNumber(t.certificates)} giấy chứng nhận đặc xá đã cấp.`,
      ],
      table: dossiers,
    },
    {
      paragraphs: [
        `b) Khiếu nại, kháng nghị: ${formatNumber(t.complaintsLodged)} khiếu nại, đã giải quyết ${formatNumber(t.complaintsResolved)} (quá hạn ${formatNumber(t.complaintsResolvedLate)}), chưa giải quyết ${formatNumber(t.complaintsOpen)}; ${formatNumber(t.protests)} trường hợp có kháng nghị giám đốc thẩm, tái thẩm theo hướng bất lợi; ${formatNumber(t.otherDisqualified)} trường hợp phát sinh căn cứ khác không được đề nghị đặc xá.`,
      ],
      table: complaints,
    },
    {
      paragraphs: [
        `c) Trình diện tại nơi cư trú: trong ${formatNumber(c.released)} người được trả tự do, đến hết ngày ${formatDate(periodEnd)} đã trình diện ${formatNumber(c.reportedIn ?? 0)} người (sau hạn ${formatNumber(c.reportedLate ?? 0)}), chưa trình diện ${formatNumber(c.notReported ?? 0)} người. Người về cư trú ngoài địa bàn được tính chung, không đọc hồ sơ của địa phương khác.`,
      ],
      table: communeTable(round, i),
    },
  ];
}

/** The province's summary of its amnesty rounds of the year as a document (our layout; counts only). */
export function roundSummaryDocument(data: RoundSummaryData, signer: Signer): ReportDocument {
  const { unit, period } = data;
  const title = `Tổng kết công tác đặc xá ${period.label}`;
  const refs = data.rounds.map((r) => `Quyết định ${ref(r.decision)} của Chủ tịch nước về đặc xá`).join('; ');
  return {
    ...issuerOf(unit),
    place: placeOf(unit),
    title,
    blocks: [
      {
        paragraphs: [
          data.rounds.length === 0
            ? `Đến hết ngày ${formatDate(period.to)}, nhật ký không ghi nhận đợt đặc xá nào ${period.label} của ${unit.name}.`
            : `Thực hiện ${refs} và Kế hoạch triển khai thực hiện công tác đặc xá ${period.label} (mục III. Tổ chức thực hiện), ${bodyOf(unit)} tổng kết kết quả như sau:`,
        ],
      },
      { heading: 'I. KẾT QUẢ THỰC HIỆN', paragraphs: [] },
      ...data.rounds.flatMap((round, i) => roundBlocks(round, i + 1, period.to)),
      {
        heading: 'II. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ',
        paragraphs: ['(Đơn vị bổ sung khi hoàn thiện báo cáo.)'],
      },
    ],
    stamp: positionStamp({ id: 'tong-ket-dot-dac-xa', unit: unit.code, period, position: data.position }),
    // The provincial plan (III.2) reports the round to the Council's standing body at the Ministry.
    recipients: ['Cơ quan thường trực Hội đồng tư vấn đặc xá - Bộ Công an;', ...recipientsOf(unit, true)],
    signer,
    properties: { title: `Tổng kết công tác đặc xá ${period.label}`, subject: title },
  };
}
