import { bodyOf, issuerOf, placeOf, type Cell, type ReportDocument, type Signer } from './document.js';
import type { Mau01Data } from './mau01.js';
import { formatDate, formatNumber } from './vnFormat.js';

/** What a reader not entitled to a person's identity sees instead (packages/protection REDACTED). */
const WITHHELD = '[ẩn]';

const birthYear = (date: string) => date.slice(0, 4);

/**
 * Mẫu 01 as a document: the commune's list of people eligible for a QĐ 22 loan, for VBSP. Names and
 * years of birth appear only where the reader's role may see them for lending; the stamp tells how
 * to make the same list again at the position.
 */
export function mau01Document(data: Mau01Data, signer: Signer): ReportDocument {
  const { unit, period } = data;
  const title = `Danh sách người chấp hành xong án phạt tù có nhu cầu và đủ điều kiện vay vốn (Mẫu 01) ${period.label}`;
  const rows: Cell[][] = data.rows.map((r) => [
    String(r.no),
    r.person ? r.person.fullName : WITHHELD,
    r.person ? birthYear(r.person.birthDate) : WITHHELD,
    data.lists.find((l) => l.commune === r.commune)?.communeName ?? r.commune,
  ]);
  const papers = data.lists.map(
    (l) =>
      `${l.communeName}: danh sách số ${l.list.number} ngày ${formatDate(l.list.date)}, ${formatNumber(l.count)} người.`,
  );
  return {
    ...issuerOf(unit),
    symbol: 'DS-UBND',
    place: placeOf(unit),
    title,
    blocks: [
      {
        paragraphs: [
          `Thực hiện Quyết định số 22/2023/QĐ-TTg của Thủ tướng Chính phủ (Điều 3 khoản 2 điểm a, Điều 14 khoản 2 điểm c), ${bodyOf(unit)} xác nhận danh sách người chấp hành xong án phạt tù có nhu cầu và đủ điều kiện vay vốn ${period.label} do Công an xã lập, gửi Ngân hàng Chính sách xã hội như sau:`,
          ...(papers.length > 0 ? papers : ['Trong tháng chưa có danh sách nào được lập.']),
          `Tổng số: ${formatNumber(data.count)} người.${data.named < data.count ? ` Họ tên của ${formatNumber(data.count - data.named)} người được ẩn theo quyền xem của người lập báo cáo.` : ''}`,
        ],
        table: {
          sheet: 'Mẫu 01',
          columns: [
            { header: 'STT', kind: 'text', width: 6 },
            { header: 'Họ và tên', kind: 'text', width: 32 },
            { header: 'Năm sinh', kind: 'text', width: 10 },
            { header: 'Nơi cư trú (xã, phường, đặc khu)', kind: 'text', width: 28 },
          ],
          rows,
        },
      },
    ],
    stamp: [
      `Số liệu tính từ nhật ký sự kiện của dacxa đến hết vị trí ${data.position}; danh sách ${period.label}.`,
      `Lập lại đúng danh sách này: dacxa report mau-01 --unit ${unit.code} --period ${period.code} --at ${data.position} (hoặc GET /reports/mau-01?unit=${unit.code}&period=${period.code}&at=${data.position}).`,
      'Danh sách có họ tên: mỗi lần lập được ghi vào nhật ký truy cập của từng người có tên (mục đích: cho vay vốn).',
    ],
    recipients: ['Ngân hàng Chính sách xã hội (Phòng giao dịch);', 'Công an xã;', 'Lưu: VT.'],
    signer,
    properties: { title: `Danh sách vay vốn ${period.label} (Mẫu 01)`, subject: title },
  };
}
