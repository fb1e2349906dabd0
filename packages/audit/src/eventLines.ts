import { eventDefinition, formatDateTime } from '@dacxa/domain';
import { canonicalEnvelope, envelopeOf, type RecordedEvent } from '@dacxa/event-store';
import { ENVELOPE_KEY } from './bundleFormat.js';

/** The CSV's columns, in Vietnamese: what a person opening the export in Excel reads. */
export const CSV_COLUMNS = [
  'Vị trí',
  'Luồng',
  'Phiên bản luồng',
  'Loại sự kiện',
  'Nội dung',
  'Thời điểm xảy ra',
  'Thời điểm ghi',
  'Người thực hiện',
  'Vai trò',
  'Đơn vị',
  'Dữ liệu (JSON, dữ liệu cá nhân đã niêm phong)',
  'Mã băm (SHA-256)',
];

/** One line of events.ndjson (docs/audit-format.md §4), without its line feed. */
export function bundleLine(event: RecordedEvent, leafIndex: number): string {
  const head = `{"leafIndex":${leafIndex},"position":"${event.position}","prevHash":"${event.prevHash}","hash":"${event.hash}"`;
  return `${head}${ENVELOPE_KEY}${canonicalEnvelope(envelopeOf(event))}}`;
}

/** One row of events.csv: Vietnamese labels, dd/mm/yyyy times in Asia/Ho_Chi_Minh. */
export function csvRow(event: RecordedEvent): string[] {
  return [
    event.position.toString(),
    event.stream,
    String(event.revision),
    event.type,
    eventDefinition(event.type)?.label.vi ?? event.type,
    formatDateTime(event.occurredAt),
    formatDateTime(event.recordedAt),
    event.metadata.actor,
    event.metadata.role,
    event.metadata.unit,
    JSON.stringify(event.data),
    event.hash,
  ];
}
