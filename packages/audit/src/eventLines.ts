import { stringify } from 'csv-stringify/sync';
import { eventDefinition } from '@dacxa/domain';
import {
  canonicalEnvelope,
  canonicalJson,
  envelopeOf,
  type HashedEnvelope,
  type RecordedEvent,
} from '@dacxa/event-store';
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

/**
 * One CSV record (RFC 4180) of any fields, ending in LF, written by csv-stringify: a field holding
 * `,` `"` CR or LF is quoted and its quotes doubled, so the verifier rebuilds the same bytes.
 */
export function csvLine(fields: readonly string[]): string {
  return stringify([fields], { record_delimiter: '\n', quoted_match: /\r/ });
}

/** What events.csv starts with: a byte-order mark, so that Excel reads UTF-8, then the header. */
export const CSV_START = `\uFEFF${csvLine(CSV_COLUMNS)}`;

const VIETNAM_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;
const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** The civil date of a day count since 1970-01-01 (H. Hinnant's algorithm): no Date object per call. */
function civil(days: number): [year: number, month: number, day: number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, doy - Math.floor((153 * mp + 2) / 5) + 1];
}

/** An instant as dd/mm/yyyy hh:mm:ss in Vietnam (UTC+7, no daylight saving since 1975). */
export function vietnamTime(iso: string): string {
  const ms = Date.parse(iso) + VIETNAM_OFFSET_MS;
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${iso}`);
  const days = Math.floor(ms / DAY_MS);
  const seconds = Math.floor((ms - days * DAY_MS) / 1000);
  const [year, month, day] = civil(days);
  const time = `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
  return `${two(day)}/${two(month)}/${String(year).padStart(4, '0')} ${time}`;
}

/** The Vietnamese label of an event type in the catalogue (docs/events.md), else the type itself. */
export function labelOf(type: string): string {
  return eventDefinition(type)?.label.vi ?? type;
}

/** What a CSV row is made of: the envelope, the event's position and its hash. */
export type CsvEvent = Omit<HashedEnvelope, 'id' | 'schemaVersion'> & {
  position: bigint | string;
  hash: string;
};

/**
 * One record of events.csv, with its line feed: Vietnamese labels, times in Vietnam, data as
 * canonical JSON (docs/audit-format.md §4.6). Verification rebuilds every one.
 */
export function csvRecord(
  event: CsvEvent,
  label = labelOf(event.type),
  dataText = canonicalJson(event.data),
): string {
  const { metadata: m } = event;
  return csvLine([
    String(event.position),
    event.stream,
    String(event.revision),
    event.type,
    label,
    vietnamTime(event.occurredAt),
    vietnamTime(event.recordedAt),
    m.actor,
    m.role,
    m.unit,
    dataText,
    event.hash,
  ]);
}
