import type { EventStore } from '@dacxa/event-store';
import type { ReportRequest } from './caseFold.js';
import type { ReportDocument, Signer } from './document.js';
import { computeHcd09, type Hcd09Data } from './hcd09.js';
import { hcd09Document } from './hcd09Document.js';
import { computeHcd12, type Hcd12Data } from './hcd12.js';
import { hcd12Document } from './hcd12Document.js';
import { computeHcd13, type Hcd13Data } from './hcd13.js';
import { hcd13Document } from './hcd13Document.js';
import { computeKeHoach13, type KeHoach13Data } from './keHoach13.js';
import { computeMau01, type Mau01Data } from './mau01.js';
import { mau01Document } from './mau01Document.js';
import { keHoach13Document } from './keHoach13Document.js';
import { latestCompletePeriod, type Period, type PeriodKind } from './period.js';
import { computeRoundSummary, type RoundSummaryData } from './roundSummary.js';
import { roundSummaryDocument } from './roundSummaryDocument.js';
import type { ScanProgress } from './scanLog.js';

/** Any report's computed data. */
export type ReportData = Hcd13Data | Hcd12Data | Hcd09Data | KeHoach13Data | RoundSummaryData | Mau01Data;

/** A report kind: what it is, what it rests on, which parts follow a published form, how it is made. */
export interface ReportDefinition {
  id: string;
  title: string;
  legalBasis: readonly string[];
  /** What of the layout follows a published text (NĐ 30/2020's state format, a form). */
  publishedForm: readonly string[];
  /** What of the layout is ours, because the form's own layout is not in the sources we hold. */
  ourLayout: readonly string[];
  /** The periods offered; the first is the default kind (its latest complete period). */
  periodKinds: readonly [PeriodKind, ...PeriodKind[]];
  /** The record kind and holder tag whose read the access policy must allow for every unit covered. */
  access: { kind: 'case' | 'plan' | 'round'; tag: 'commune' | 'issuer' | 'province' };
  /**
   * False: aggregate counts only, no person's name appears. True (Mẫu 01): names are shown only
   * where the reader's role may read identity for the report's purpose, each read logged.
   */
  names: boolean;
  compute(
    store: EventStore,
    request: ReportRequest,
    onProgress?: (p: ScanProgress) => void,
  ): Promise<ReportData>;
  document(data: ReportData, signer: Signer): ReportDocument;
}

/** The period a report is made for when none is asked: the latest complete one of its first kind. */
export const defaultPeriod = (definition: ReportDefinition, today: string): Period =>
  latestCompletePeriod(definition.periodKinds[0], today);

const STATE_FORMAT = [
  'Thể thức văn bản hành chính của Nghị định 30/2020/NĐ-CP (Phụ lục I): Quốc hiệu, tiêu ngữ, tên cơ quan ban hành, số và ký hiệu, địa danh và ngày tháng năm, tên loại và trích yếu, nơi nhận, quyền hạn, chức vụ của người ký (KT. khi cấp phó ký thay), phông chữ Times New Roman, khổ A4 và lề trang',
];
const CASES = { kind: 'case', tag: 'commune' } as const;

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
    access: CASES,
    names: false,
    compute: computeHcd13,
    document: (data, signer) => hcd13Document(data as Hcd13Data, signer),
  },
  'hcd-12': {
    id: 'hcd-12',
    title:
      'Báo cáo thống kê số liệu hằng tháng về quản lý, giám sát, giáo dục, giúp đỡ người chấp hành xong án phạt tù tái hòa nhập cộng đồng',
    legalBasis: ['Thông tư 10/2024/TT-BCA, Điều 5 (mẫu HCD-12)', 'Nghị định 49/2020/NĐ-CP'],
    publishedForm: [
      ...STATE_FORMAT,
      'Kỳ báo cáo hằng tháng và nhóm A/B/C/D theo Thông tư 10/2024/TT-BCA (Điều 5, Điều 12)',
    ],
    ourLayout: [
      'Chỉ tiêu, thứ tự, cách diễn đạt và các bảng theo đơn vị: mẫu HCD-12 không có trong tài liệu của dự án',
    ],
    periodKinds: ['month'],
    access: CASES,
    names: false,
    compute: computeHcd12,
    document: (data, signer) => hcd12Document(data as Hcd12Data, signer),
  },
  'hcd-09': {
    id: 'hcd-09',
    title: 'Báo cáo kết quả phân loại theo nhóm A, B, C, D hằng quý (số liệu tổng hợp của danh sách HCD-09)',
    legalBasis: ['Thông tư 10/2024/TT-BCA, Điều 12 khoản 3 (mẫu HCD-09), Điều 12 khoản 1–2 (nhóm A/B/C/D)'],
    publishedForm: [...STATE_FORMAT, 'Kỳ quý và nhóm A/B/C/D theo Thông tư 10/2024/TT-BCA (Điều 12)'],
    ourLayout: [
      'Toàn bộ bảng số liệu: mẫu HCD-09 là danh sách có họ tên, không có trong tài liệu của dự án; báo cáo này chỉ gồm số người theo nhóm',
    ],
    periodKinds: ['quarter'],
    access: CASES,
    names: false,
    compute: computeHcd09,
    document: (data, signer) => hcd09Document(data as Hcd09Data, signer),
  },
  'mau-01': {
    id: 'mau-01',
    title:
      'Danh sách người chấp hành xong án phạt tù có nhu cầu và đủ điều kiện vay vốn (Mẫu 01, Quyết định 22/2023/QĐ-TTg), hằng tháng',
    legalBasis: [
      'Quyết định 22/2023/QĐ-TTg, Điều 3 khoản 2 điểm a (danh sách do Công an xã lập, UBND xã xác nhận)',
      'Quyết định 22/2023/QĐ-TTg, Điều 14 khoản 2 điểm c (gửi Ngân hàng Chính sách xã hội ngày 05 hằng tháng)',
    ],
    publishedForm: [...STATE_FORMAT, 'Tên và mục đích của Mẫu 01 theo Quyết định 22/2023/QĐ-TTg'],
    ourLayout: [
      'Các cột của bảng (STT, họ và tên, năm sinh, nơi cư trú): bố cục chính thức của Mẫu 01 không có trong tài liệu của dự án',
    ],
    periodKinds: ['month'],
    access: CASES,
    names: true,
    compute: computeMau01,
    document: (data, signer) => mau01Document(data as Mau01Data, signer),
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
  'tong-ket-dot-dac-xa': {
    id: 'tong-ket-dot-dac-xa',
    title: 'Báo cáo tổng kết công tác đặc xá của tỉnh, thành phố (các đợt đặc xá trong năm)',
    legalBasis: [
      'Luật Đặc xá số 30/2018/QH14, Điều 15–18, 36–37',
      'Kế hoạch triển khai thực hiện công tác đặc xá năm 2024 của UBND tỉnh, mục III',
      'Thông tư 10/2024/TT-BCA, Điều 9 (trình diện)',
    ],
    publishedForm: STATE_FORMAT,
    ourLayout: [
      'Toàn bộ phần nội dung (hồ sơ theo trại giam, khiếu nại, kháng nghị, trình diện theo nơi cư trú): kế hoạch yêu cầu báo cáo nhưng không ban hành mẫu',
    ],
    periodKinds: ['year'],
    access: { kind: 'round', tag: 'province' },
    names: false,
    compute: computeRoundSummary,
    document: (data, signer) => roundSummaryDocument(data as RoundSummaryData, signer),
  },
};
