import type { Cell, ReportTable } from './document.js';
import type { CommuneRow } from './roundCommunes.js';
import type { RoundSummary } from './roundSummary.js';
import type { FacilityRow } from './roundSummaryRows.js';

const n = (header: string) => ({ header, kind: 'number' as const, width: 9 });
const place = (header: string) => ({ header, kind: 'text' as const, width: 24 });

/** The dossiers and the complaints of a round, one row per facility (or court) and the total. */
export function facilityTables(round: RoundSummary, i: number): [ReportTable, ReportTable] {
  const rows = (pick: (f: FacilityRow) => number[]): Cell[][] =>
    [...round.facilities, round.total].map((f) => [f.name, ...pick(f)]);
  return [
    {
      sheet: `Hồ sơ ${i}`,
      columns: [
        place('Trại giam, trại tạm giam, Tòa án'),
        ...[
          'Có đơn',
          'Đủ điều kiện',
          'Không đủ điều kiện',
          'Đã thẩm định',
          'Đề nghị đặc xá',
          'Được đặc xá',
          'Đã trả tự do',
          'Đã cấp giấy chứng nhận',
        ].map(n),
      ],
      rows: rows((f) => [
        f.petitioned,
        f.eligible,
        f.ineligible,
        f.appraised,
        f.proposed,
        f.granted,
        f.released,
        f.certificates,
      ]),
      totalRow: true,
    },
    {
      sheet: `Khiếu nại ${i}`,
      columns: [
        place('Trại giam, trại tạm giam, Tòa án'),
        ...[
          'Khiếu nại',
          'Đã giải quyết',
          'Giải quyết quá hạn',
          'Chưa giải quyết',
          'Chưa giải quyết, quá hạn',
          'Kháng nghị bất lợi',
          'Căn cứ khác không đề nghị',
        ].map(n),
      ],
      rows: rows((f) => [
        f.complaintsLodged,
        f.complaintsResolved,
        f.complaintsResolvedLate,
        f.complaintsOpen,
        f.complaintsOverdue,
        f.protests,
        f.otherDisqualified,
      ]),
      totalRow: true,
    },
  ];
}

/** The people a round released, one row per destination commune and the total. */
export function communeTable(round: RoundSummary, i: number): ReportTable {
  const row = (c: CommuneRow): Cell[] => [
    c.name,
    c.released,
    c.certificates,
    c.reportedIn,
    c.reportedLate,
    c.notReported,
  ];
  return {
    sheet: `Trình diện ${i}`,
    columns: [
      place('Nơi về cư trú'),
      ...[
        'Được trả tự do',
        'Đã cấp giấy chứng nhận',
        'Đã trình diện',
        'Trong đó sau hạn',
        'Chưa trình diện',
      ].map(n),
    ],
    rows: [...round.communes.map(row), row(round.communeTotal)],
    totalRow: true,
  };
}
