import type { CaseFigures } from './caseFigures.js';
import { CLOSURE_REASONS } from './closureReasons.js';
import {
  bodyOf,
  issuerOf,
  placeOf,
  recipientsOf,
  type Block,
  type Cell,
  type ReportDocument,
  type ReportTable,
  type Signer,
} from './document.js';
import type { Hcd12Data } from './hcd12.js';
import { positionStamp } from './stamp.js';
import { formatDate, formatNumber } from './vnFormat.js';

/** The indicators of the month, in our order and wording (form HCD-12's own layout is not in our sources). */
function summaryRows(f: CaseFigures): Cell[][] {
  return [
    [
      '1',
      'Số người được đặc xá, chấp hành xong án phạt tù có thông báo về cư trú, nhận trong tháng',
      f.notices,
    ],
    ['2', 'Số người đã có thông báo, chưa trình diện (cuối tháng)', f.expected],
    ['3', 'Số người trình diện, được tiếp nhận trong tháng', f.received],
    ['4', 'Số người nhận hồ sơ từ xã, phường, đặc khu khác chuyển đến trong tháng', f.transferredIn],
    ['5', 'Số người chuyển hồ sơ đi nơi khác trong tháng', f.transferredOut],
    ['6', 'Số người đang quản lý, giám sát, giáo dục, giúp đỡ cuối tháng', f.managed],
    ['6.1', 'Nhóm A', f.byGroup.A],
    ['6.2', 'Nhóm B', f.byGroup.B],
    ['6.3', 'Nhóm C', f.byGroup.C],
    ['6.4', 'Nhóm D', f.byGroup.D],
    ['6.5', 'Chưa phân loại', f.byGroup.unclassified],
    ['7', 'Số người đã có quyết định phân công người quản lý, giám sát (cuối tháng)', f.supervised],
    ['8', 'Số lượt vi phạm pháp luật, nghĩa vụ trong tháng', f.violations],
    ['9', 'Số lượt bị tạm giữ, tạm giam, đưa vào cơ sở trong tháng', f.detentions],
    ['10', 'Số người phạm tội mới bị kết án trong tháng', f.reoffended],
    ['11', 'Số người kết thúc quản lý trong tháng', f.closed],
    ...CLOSURE_REASONS.map(([code, label], i): Cell[] => [`11.${i + 1}`, label, f.closedByReason[code] ?? 0]),
  ];
}

const n = (header: string) => ({ header, kind: 'number' as const, width: 9 });

/** The per-unit tables: the month's arrivals and departures, then the stock and incidents. */
function areaTables(data: Hcd12Data): [ReportTable, ReportTable] {
  const rows = (pick: (f: CaseFigures) => number[]): Cell[][] => [
    ...data.byArea.map((a): Cell[] => [a.name, ...pick(a.figures)]),
    ['Tổng cộng', ...pick(data.total)],
  ];
  const unit = { header: 'Đơn vị', kind: 'text' as const, width: 26 };
  return [
    {
      sheet: 'Theo đơn vị - tiếp nhận',
      columns: [
        unit,
        n('Có thông báo'),
        n('Chưa trình diện'),
        n('Trình diện'),
        n('Chuyển đến'),
        n('Chuyển đi'),
        n('Kết thúc'),
      ],
      rows: rows((f) => [f.notices, f.expected, f.received, f.transferredIn, f.transferredOut, f.closed]),
      totalRow: true,
    },
    {
      sheet: 'Theo đơn vị - quản lý',
      columns: [
        unit,
        n('Đang quản lý'),
        n('Đã phân công'),
        n('Nhóm A'),
        n('Nhóm B'),
        n('Nhóm C'),
        n('Nhóm D'),
        n('Vi phạm'),
        n('Tạm giữ, tạm giam'),
        n('Phạm tội mới'),
      ],
      rows: rows((f) => [
        f.managed,
        f.supervised,
        f.byGroup.A,
        f.byGroup.B,
        f.byGroup.C,
        f.byGroup.D,
        f.violations,
        f.detentions,
        f.reoffended,
      ]),
      totalRow: true,
    },
  ];
}

/** HCD-12 as a document: the month's figures of `data` only, in the state format. */
export function hcd12Document(data: Hcd12Data, signer: Signer): ReportDocument {
  const { unit, period, total: f } = data;
  const title = `Thống kê số liệu quản lý, giám sát, giáo dục, giúp đỡ người chấp hành xong án phạt tù, người được đặc xá tái hòa nhập cộng đồng ${period.label}`;
  const province = data.byArea.length > 1;
  const [arrivals, stock] = areaTables(data);
  const areaBlocks: Block[] = province
    ? [
        {
          heading: 'II. SỐ LIỆU THEO ĐƠN VỊ',
          paragraphs: ['1. Tiếp nhận, chuyển đi, kết thúc trong tháng:'],
          table: arrivals,
        },
        { paragraphs: ['2. Quản lý cuối tháng, vi phạm, tạm giữ, phạm tội mới:'], table: stock },
      ]
    : [];
  return {
    ...issuerOf(unit),
    place: placeOf(unit),
    title,
    blocks: [
      {
        paragraphs: [
          `Thực hiện Thông tư số 10/2024/TT-BCA của Bộ trưởng Bộ Công an (Điều 5, mẫu HCD-12) và Nghị định số 49/2020/NĐ-CP ngày 17/4/2020 của Chính phủ, ${bodyOf(unit)} báo cáo số liệu thống kê ${period.label} (từ ngày ${formatDate(period.from)} đến ngày ${formatDate(period.to)}) như sau:`,
        ],
      },
      {
        heading: 'I. SỐ LIỆU THỐNG KÊ',
        paragraphs: [
          `Trong tháng nhận thông báo về ${formatNumber(f.notices)} người, tiếp nhận ${formatNumber(f.received)} người trình diện, nhận ${formatNumber(f.transferredIn)} hồ sơ chuyển đến, chuyển đi ${formatNumber(f.transferredOut)} hồ sơ, kết thúc quản lý ${formatNumber(f.closed)} người. Cuối tháng đang quản lý ${formatNumber(f.managed)} người, ${formatNumber(f.expected)} người đã có thông báo chưa trình diện.`,
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
      ...areaBlocks,
      {
        heading: `${province ? 'III' : 'II'}. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ`,
        paragraphs: ['(Đơn vị bổ sung khi hoàn thiện báo cáo.)'],
      },
    ],
    stamp: positionStamp({ id: 'hcd-12', unit: unit.code, period, position: data.position }),
    recipients: recipientsOf(unit, true),
    signer,
    properties: { title: `Thống kê ${period.label} (HCD-12)`, subject: title },
  };
}
