import type { EventStore } from '@dacxa/event-store';
import type { ReportDocument, Signer } from './document.js';
import { computeHcd13, type Hcd13Data, type ReportRequest } from './hcd13.js';
import { hcd13Document } from './hcd13Document.js';
import { computeKeHoach13, type KeHoach13Data } from './keHoach13.js';
import { keHoach13Document } from './keHoach13Document.js';
import type { PeriodKind } from './period.js';
import type { ScanProgress } from './scanLog.js';

/** Any report's computed data. */
export type ReportData = Hcd13Data | KeHoach13Data;

/** A report kind: what it is, what it rests on, which parts follow a published form, how it is made. */
export interface ReportDefinition {
  id: string;
  title: string;
  legalBasis: readonly string[];
  /** What of the layout follows a published text (NĐ 30/2020's state format, a form). */
  publishedForm: readonly string[];
  /** What of the layout is ours, because the form's own layout is not in the sources we hold. */
  ourLayout: readonly string[];
  periodKinds: readonly PeriodKind[];
  /** The record kind and holder tag whose read the access policy must allow for every unit covered. */
  access: { kind: 'case' | 'plan'; tag: 'commune' | 'issuer' };
  /** Aggregate counts only: no person's name or identity appears in the report. */
  names: false;
  compute(
    store: EventStore,
    request: ReportRequest,
    onProgress?: (p: ScanProgress) => void,
  ): Promise<ReportData>;
  document(data: ReportData, signer: Signer): ReportDocument;
}

const STATE_FORMAT = [
  'Thể thức văn bản hành chính của Nghị định 30/2020/NĐ-CP (Phụ lục I): Quốc hiệu, tiêu ngữ, tên cơ quan ban hành, số và ký hiệu, địa danh và ngày tháng năm, tên loại và trích yếu, nơi nhận, quyền hạn, chức vụ của người ký (KT. khi cấp phó ký thay), phông chữ Times New Roman, khổ A4 và lề trang',
];

/** Every report kind dacxa produces, by its id in `GET /reports/{id}` and `dacxa report <id>`. */
export const REPORTS: Readonly<Record<string, ReportDefinition>> = {
  'hcd-13': {
    id: 'hcd-13',
    title:
      'Báo cáo kết quả công tác quản lý, giám sát, giáo dục, giúp đỡ người chấp hành xong án phạt tù tái hòa nhập cộng đồng (quý, 6 tháng, năm)',
    legalBasis: [
      'Thông tư 10/2024/TT-BCA, Điều 5 (mẫu HCD-13)',
      'Nghị định 49/2020/NĐ-CP',
      'Quyết định 22/2023/QĐ-TTg (vay vốn)',
    ],
    publishedForm: [
      ...STATE_FORMAT,
      'Kỳ báo cáo quý, 6 tháng, năm và nhóm A/B/C/D theo Thông tư 10/2024/TT-BCA (Điều 5, Điều 12)',
    ],
    ourLayout: ['Bố cục bảng chỉ tiêu và bảng theo đơn vị: mẫu HCD-13 không có trong tài liệu của dự án'],
    periodKinds: ['quarter', 'half', 'year'],
    access: { kind: 'case', tag: 'commune' },
    names: false,
    compute: computeHcd13,
    document: (data, signer) => hcd13Document(data as Hcd13Data, signer),
  },
  'ke-hoach-13-muc-iv': {
    id: 'ke-hoach-13-muc-iv',
    title: 'Báo cáo kết quả thực hiện kế hoạch triển khai công tác đặc xá (mục IV Kế hoạch 13/KH-UBND)',
    legalBasis: [
      'Kế hoạch 13/KH-UBND ngày 28/07/2025 của UBND xã An Khánh, mục IV',
      'Kế hoạch đặc xá năm 2024 của UBND tỉnh, mục III',
    ],
    publishedForm: STATE_FORMAT,
    ourLayout: [
      'Toàn bộ phần nội dung (kết quả theo nhiệm vụ của mục III, chế độ báo cáo của mục IV): kế hoạch không ban hành mẫu báo cáo',
    ],
    periodKinds: ['quarter', 'half', 'year'],
    access: { kind: 'plan', tag: 'issuer' },
    names: false,
    compute: computeKeHoach13,
    document: (data, signer) => keHoach13Document(data as KeHoach13Data, signer),
  },
};
