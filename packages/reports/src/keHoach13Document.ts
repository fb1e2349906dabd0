import { issuerOf, placeOf, recipientsOf, type Block, type ReportDocument, type Signer } from './document.js';
import type { KeHoach13Data, PlanResult } from './keHoach13.js';
import type { OwedState, TaskState } from './keHoach13Rows.js';
import { positionStamp } from './stamp.js';
import { formatDate, formatNumber } from './vnFormat.js';

const TASK_STATE: Record<TaskState, string> = {
  done: 'Đã hoàn thành',
  doneLate: 'Hoàn thành sau hạn',
  overdue: 'Quá hạn, chưa hoàn thành',
  awaited: 'Đang chờ phản hồi (đề nghị)',
  open: 'Đang thực hiện',
};
const OWED_STATE: Record<OwedState, string> = {
  onTime: 'Đã báo cáo đúng hạn',
  late: 'Đã báo cáo sau hạn',
  returned: 'Bị trả lại, chưa báo cáo lại',
  overdue: 'Quá hạn, chưa báo cáo',
  notDue: 'Chưa đến hạn',
};

function planBlocks(plan: PlanResult, n: number): Block[] {
  const s = plan.summary;
  const ref = `Kế hoạch số ${plan.number} ngày ${formatDate(plan.date)}`;
  return [
    {
      heading: `${n}. ${ref} về ${plan.title}`,
      paragraphs: [
        `a) Thực hiện nhiệm vụ (mục III của kế hoạch): ${formatNumber(s.tasks)} nhiệm vụ; đã hoàn thành ${formatNumber(s.done)} (trong đó sau hạn ${formatNumber(s.doneLate)}); quá hạn chưa hoàn thành ${formatNumber(s.overdue)}; đang thực hiện ${formatNumber(s.open)}; đề nghị đang chờ phản hồi ${formatNumber(s.awaited)}; ${formatNumber(s.difficulties)} lượt báo cáo khó khăn, vướng mắc.`,
      ],
      table: {
        sheet: `Nhiệm vụ ${n}`,
        columns: [
          { header: 'STT', kind: 'text', width: 6 },
          { header: 'Nhiệm vụ', kind: 'text', width: 28 },
          { header: 'Đơn vị chủ trì', kind: 'text', width: 22 },
          { header: 'Hình thức', kind: 'text', width: 10 },
          { header: 'Hạn', kind: 'date', width: 12 },
          { header: 'Tình trạng', kind: 'text', width: 20 },
          { header: 'Ngày hoàn thành', kind: 'date', width: 12 },
          { header: 'Khó khăn, vướng mắc', kind: 'number', width: 10 },
        ],
        rows: plan.tasks.map((t) => [
          String(t.group),
          t.description,
          t.leadName,
          t.requestType === 'ASSIGN' ? 'Giao' : 'Đề nghị',
          t.dueDate,
          TASK_STATE[t.state],
          t.completedOn,
          t.difficulties,
        ]),
      },
    },
    {
      paragraphs: [
        `b) Chế độ báo cáo (mục IV của kế hoạch: báo cáo về ${plan.issuerName} qua ${plan.channelName}, hạn ${formatDate(plan.reportDue)}): ${formatNumber(s.reportsRequested)} báo cáo được yêu cầu; đã báo cáo ${formatNumber(s.reportsSubmitted)} (sau hạn ${formatNumber(s.reportsLate)}); chưa báo cáo ${formatNumber(s.reportsOwed)}.`,
      ],
      table: {
        sheet: `Báo cáo ${n}`,
        columns: [
          { header: 'STT', kind: 'text', width: 6 },
          { header: 'Đơn vị báo cáo', kind: 'text', width: 34 },
          { header: 'Hạn', kind: 'date', width: 14 },
          { header: 'Ngày báo cáo', kind: 'date', width: 14 },
          { header: 'Tình trạng', kind: 'text', width: 28 },
        ],
        rows: plan.reports.map((r, i) => [
          String(i + 1),
          r.reportingName,
          r.dueDate,
          r.submittedOn,
          OWED_STATE[r.state],
        ]),
      },
    },
  ];
}

/** The report on carrying out the unit's amnesty plans, as a document (our layout; no names of people). */
export function keHoach13Document(data: KeHoach13Data, signer: Signer): ReportDocument {
  const { unit, period } = data;
  const title = `Kết quả thực hiện kế hoạch triển khai công tác đặc xá đến hết ngày ${formatDate(period.to)}`;
  const plans = data.plans.flatMap((plan, i) => planBlocks(plan, i + 1));
  const refs = data.plans.map((p) => `Kế hoạch số ${p.number} ngày ${formatDate(p.date)}`).join('; ');
  return {
    ...issuerOf(unit),
    place: placeOf(unit),
    title,
    blocks: [
      {
        paragraphs: [
          data.plans.length === 0
            ? `Đến hết ngày ${formatDate(period.to)}, nhật ký không ghi nhận kế hoạch triển khai công tác đặc xá nào do ${unit.name} ban hành.`
            : `Thực hiện ${refs} (mục IV. Tổ chức thực hiện), ${unit.name} báo cáo kết quả thực hiện ${period.label}, tính đến hết ngày ${formatDate(period.to)}, như sau:`,
        ],
      },
      { heading: 'I. KẾT QUẢ THỰC HIỆN', paragraphs: [] },
      ...plans,
      {
        heading: 'II. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ',
        paragraphs: ['(Đơn vị bổ sung khi hoàn thiện báo cáo.)'],
      },
    ],
    stamp: positionStamp({ id: 'ke-hoach-13-muc-iv', unit: unit.code, period, position: data.position }),
    recipients: recipientsOf(unit, true),
    signer,
    properties: { title: 'Báo cáo kết quả thực hiện kế hoạch đặc xá', subject: title },
  };
}
