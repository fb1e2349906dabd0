import type { Hcd13Data } from './hcd13.js';
import type { CaseFigures } from './caseFigures.js';
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
import { CLOSURE_REASONS } from './closureReasons.js';
import { positionStamp } from './stamp.js';
import { formatDate, formatNumber } from './vnFormat.js';

/** The rows of the summary table: STT, indicator, figure (our layout of HCD-13's content). */
function summaryRows(f: CaseFigures): Cell[][] {
  return [
    ['1', 'Số người đang quản lý, giám sát, giáo dục, giúp đỡ cuối kỳ', f.managed],
    ['1.1', 'Nhóm A', f.byGroup.A],
    ['1.2', 'Nhóm B', f.byGroup.B],
    ['1.3', 'Nhóm C', f.byGroup.C],
    ['1.4', 'Nhóm D', f.byGroup.D],
    ['1.5', 'Chưa phân loại', f.byGroup.unclassified],
    ['2', 'Số người đã có quyết định phân công người quản lý, giám sát', f.supervised],
    ['3', 'Số người đã có thông báo, chưa trình diện (cuối kỳ)', f.expected],
    ['4', 'Số người trình diện, tiếp nhận trong kỳ', f.received],
    ['5', 'Số hồ sơ nhận chuyển đến trong kỳ', f.transferredIn],
    ['6', 'Số hồ sơ chuyển đi trong kỳ', f.transferredOut],
    ['7', 'Số lượt thăm, gặp tại nơi cư trú, nơi làm việc', f.visits],
    ['8', 'Số lượt vi phạm pháp luật, nghĩa vụ', f.violations],
    ['9', 'Số lượt bị tạm giữ, tạm giam, đưa vào cơ sở trong kỳ', f.detentions],
    ['10', 'Số người đang bị tạm giữ, tạm giam cuối kỳ', f.detainedNow],
    ['11', 'Số người phạm tội mới bị kết án trong kỳ', f.reoffended],
    ['12', 'Số người có việc làm cuối kỳ', f.employedNow],
    ['13', 'Vay vốn theo Quyết định số 22/2023/QĐ-TTg: hồ sơ đề nghị vay', f.loansApplied],
    ['13.1', 'Hồ sơ được phê duyệt', f.loansApproved],
    ['13.2', 'Số tiền được phê duyệt (đồng)', f.loanAmountApproved],
    ['13.3', 'Số lần giải ngân', f.loansDisbursed],
    ['13.4', 'Số tiền đã giải ngân (đồng)', f.loanAmountDisbursed],
    ['14', 'Số người kết thúc quản lý trong kỳ', f.closed],
    ...CLOSURE_REASONS.map(([code, label], i): Cell[] => [`14.${i + 1}`, label, f.closedByReason[code] ?? 0]),
  ];
}

function summaryTable(f: CaseFigures): ReportTable {
  return {
    sheet: 'Tổng hợp',
    columns: [
      { header: 'STT', kind: 'text', width: 8 },
      { header: 'Chỉ tiêu', kind: 'text', width: 62 },
      { header: 'Số lượng', kind: 'number', width: 16 },
    ],
    rows: summaryRows(f),
  };
}

function areaTable(data: Hcd13Data): ReportTable {
  const row = (name: string, f: CaseFigures): Cell[] => [
    name,
    f.managed,
    f.byGroup.A,
    f.byGroup.B,
    f.byGroup.C,
    f.byGroup.D,
    f.byGroup.unclassified,
    f.received,
    f.violations,
    f.transferredOut,
    f.closed,
  ];
  const n = (header: string) => ({ header, kind: 'number' as const, width: 9 });
  return {
    sheet: 'Theo đơn vị',
    columns: [
      { header: 'Đơn vị', kind: 'text', width: 26 },
      n('Đang quản lý'),
      n('Nhóm A'),
      n('Nhóm B'),
      n('Nhóm C'),
      n('Nhóm D'),
      n('Chưa phân loại'),
      n('Tiếp nhận'),
      n('Vi phạm'),
      n('Chuyển đi'),
      n('Kết thúc'),
    ],
    rows: [...data.byArea.map((a) => row(a.name, a.figures)), row('Tổng cộng', data.total)],
    totalRow: true,
  };
}

/** HCD-13 as a document: the figures of `data` only, laid out in the state format. */
export function hcd13Document(data: Hcd13Data, signer: Signer): ReportDocument {
  const { unit, period, total: f } = data;
  const body = bodyOf(unit);
  const groups = `nhóm A: ${formatNumber(f.byGroup.A)}, nhóm B: ${formatNumber(f.byGroup.B)}, nhóm C: ${formatNumber(f.byGroup.C)}, nhóm D: ${formatNumber(f.byGroup.D)}, chưa phân loại: ${formatNumber(f.byGroup.unclassified)}`;
  const title = `Kết quả công tác quản lý, giám sát, giáo dục, giúp đỡ người chấp hành xong án phạt tù, người được đặc xá tái hòa nhập cộng đồng ${period.label}`;
  return {
    ...issuerOf(unit),
    place: placeOf(unit),
    title,
    blocks: [
      {
        paragraphs: [
          `Thực hiện Nghị định số 49/2020/NĐ-CP ngày 17/4/2020 của Chính phủ quy định chi tiết thi hành Luật Thi hành án hình sự về tái hòa nhập cộng đồng và Thông tư số 10/2024/TT-BCA của Bộ trưởng Bộ Công an (Điều 5, mẫu HCD-13), ${body} báo cáo kết quả ${period.label} (từ ngày ${formatDate(period.from)} đến ngày ${formatDate(period.to)}) như sau:`,
        ],
      },
      {
        heading: 'I. TÌNH HÌNH, KẾT QUẢ QUẢN LÝ',
        paragraphs: [
          `Cuối kỳ, địa bàn đang quản lý, giám sát, giáo dục, giúp đỡ ${formatNumber(f.managed)} người (${groups}); ${formatNumber(f.supervised)} người đã có quyết định phân công người quản lý, giám sát. Trong kỳ tiếp nhận ${formatNumber(f.received)} người, nhận ${formatNumber(f.transferredIn)} hồ sơ chuyển đến, chuyển đi ${formatNumber(f.transferredOut)} hồ sơ; ${formatNumber(f.violations)} lượt vi phạm; kết thúc quản lý ${formatNumber(f.closed)} người.`,
        ],
        table: summaryTable(f),
      },
      ...(data.byArea.length > 1
        ? [
            {
              heading: 'II. SỐ LIỆU THEO ĐƠN VỊ',
              paragraphs: ['Số liệu của từng xã, phường, đặc khu trên địa bàn:'],
              table: areaTable(data),
            },
          ]
        : []),
      {
        heading:
          data.byArea.length > 1
            ? 'III. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ'
            : 'II. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ',
        paragraphs: ['(Đơn vị bổ sung khi hoàn thiện báo cáo.)'],
      },
    ],
    stamp: positionStamp({ id: 'hcd-13', unit: unit.code, period, position: data.position }),
    recipients: recipientsOf(unit, true),
    signer,
    properties: { title: `Báo cáo ${period.label} (HCD-13)`, subject: title },
  };
}
