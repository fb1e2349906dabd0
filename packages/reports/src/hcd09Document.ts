import {
  bodyOf,
  issuerOf,
  placeOf,
  recipientsOf,
  type Cell,
  type ReportDocument,
  type ReportTable,
  type Signer,
} from './document.js';
import type { GroupListFigures, GroupListReport, Hcd09Data } from './hcd09.js';
import { positionStamp } from './stamp.js';
import { formatDate, formatNumber } from './vnFormat.js';

const STATUS: Record<GroupListReport['status'], string> = {
  requested: 'Chưa gửi',
  submitted: 'Đã gửi',
  returned: 'Bị trả lại',
  accepted: 'Đã gửi, được tiếp nhận',
  consolidated: 'Đã gửi, đã tổng hợp',
};

/** How the area's own HCD-09 for the quarter stands in the report tracker. */
const listState = (r: GroupListReport | null): string =>
  r === null ? 'Không có yêu cầu' : `${STATUS[r.status]}${r.late ? ' (sau hạn)' : ''}`;

function summaryRows(f: GroupListFigures): Cell[][] {
  return [
    ['1', 'Số người được phân loại trong quý', f.classifiedTotal],
    ['1.1', 'Nhóm A', f.classified.A],
    ['1.2', 'Nhóm B', f.classified.B],
    ['1.3', 'Nhóm C', f.classified.C],
    ['1.4', 'Nhóm D', f.classified.D],
    ['2', 'Số người đang quản lý, giám sát, giáo dục, giúp đỡ cuối quý', f.managed],
    ['3', 'Số người đang quản lý chưa được phân loại trong quý', f.unclassified],
  ];
}

const n = (header: string) => ({ header, kind: 'number' as const, width: 9 });

function areaTable(data: Hcd09Data): ReportTable {
  const row = (name: string, f: GroupListFigures, list: Cell, sent: Cell): Cell[] => [
    name,
    f.classified.A,
    f.classified.B,
    f.classified.C,
    f.classified.D,
    f.classifiedTotal,
    f.managed,
    f.unclassified,
    list,
    sent,
  ];
  return {
    sheet: 'Theo đơn vị',
    columns: [
      { header: 'Đơn vị', kind: 'text', width: 24 },
      n('Nhóm A'),
      n('Nhóm B'),
      n('Nhóm C'),
      n('Nhóm D'),
      n('Đã phân loại'),
      n('Đang quản lý cuối quý'),
      n('Chưa phân loại'),
      { header: 'Danh sách HCD-09 của đơn vị', kind: 'text', width: 16 },
      { header: 'Ngày gửi', kind: 'date', width: 12 },
    ],
    rows: [
      ...data.byArea.map((a) =>
        row(a.name, a.figures, listState(a.reported), a.reported?.submittedOn ?? null),
      ),
      row('Tổng cộng', data.total, null, null),
    ],
    totalRow: true,
  };
}

/** HCD-09 as a document: counts by group per commune (our layout; the list of names stays in the unit). */
export function hcd09Document(data: Hcd09Data, signer: Signer): ReportDocument {
  const { unit, period, total: f } = data;
  const title = `Kết quả phân loại người chấp hành xong án phạt tù, người được đặc xá đang quản lý, giám sát, giáo dục, giúp đỡ theo nhóm A, B, C, D ${period.label}`;
  const own = data.byArea.length === 1 ? data.byArea[0] : undefined;
  return {
    ...issuerOf(unit),
    place: placeOf(unit),
    title,
    blocks: [
      {
        paragraphs: [
          `Thực hiện Thông tư số 10/2024/TT-BCA của Bộ trưởng Bộ Công an (Điều 12, khoản 3), ${bodyOf(unit)} báo cáo kết quả phân loại ${period.label} (từ ngày ${formatDate(period.from)} đến ngày ${formatDate(period.to)}) như sau:`,
        ],
      },
      {
        heading: 'I. KẾT QUẢ PHÂN LOẠI',
        paragraphs: [
          `Trong quý đã phân loại ${formatNumber(f.classifiedTotal)} người (nhóm A: ${formatNumber(f.classified.A)}, nhóm B: ${formatNumber(f.classified.B)}, nhóm C: ${formatNumber(f.classified.C)}, nhóm D: ${formatNumber(f.classified.D)}); cuối quý đang quản lý ${formatNumber(f.managed)} người, trong đó ${formatNumber(f.unclassified)} người chưa được phân loại. Phân loại được tính theo quý ghi trong từng lần phân loại, kể cả lần ghi nhận sau khi hết quý.`,
          ...(own
            ? [
                `Danh sách theo nhóm (mẫu HCD-09) của đơn vị trong quý: ${listState(own.reported).toLocaleLowerCase('vi')}${own.reported?.submittedOn ? `, ngày ${formatDate(own.reported.submittedOn)}` : ''}.`,
              ]
            : []),
        ],
        table: {
          sheet: 'Tổng hợp',
          columns: [
            { header: 'STT', kind: 'text', width: 8 },
            { header: 'Chỉ tiêu', kind: 'text', width: 62 },
            { header: 'Số lượng', kind: 'number', width: 16 },
          ],
          rows: summaryRows(f),
        },
      },
      {
        heading: 'II. SỐ LIỆU THEO ĐƠN VỊ',
        paragraphs: [
          'Số người theo nhóm của từng xã, phường, đặc khu, và danh sách theo nhóm (mẫu HCD-09) mỗi đơn vị đã gửi. Nhật ký chỉ ghi nhận việc gửi danh sách, không ghi số liệu trong đó, nên không đối chiếu được số liệu đã báo cáo.',
        ],
        table: areaTable(data),
      },
    ],
    stamp: positionStamp({ id: 'hcd-09', unit: unit.code, period, position: data.position }),
    recipients: recipientsOf(unit, true),
    signer,
    properties: { title: `Phân loại nhóm ${period.label} (HCD-09)`, subject: title },
  };
}
