import {
  ROLES,
  eventDefinition,
  formatDateTime,
  formatVietnameseDate,
  localDateAt,
  type DocRef,
} from '@dacxa/domain';
import type { SubjectExport } from './personalData.js';

/** Each leaf of a JSON value as `path: value`, in the order the event holds them. */
function leaves(value: unknown, path: string, out: string[]): string[] {
  if (Array.isArray(value)) value.forEach((item, i) => leaves(item, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) leaves(inner, path ? `${path}.${key}` : key, out);
  else
    out.push(
      `${path}: ${typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatVietnameseDate(value) : String(value)}`,
    );
  return out;
}

const roleOf = (role: unknown): string =>
  (ROLES as Record<string, { vi: string } | undefined>)[String(role)]?.vi ?? String(role);

/**
 * The subject-access export as a document a person reads, in Vietnamese: the request it answers,
 * then every record held about them, stream by stream, each event with its date (dd/mm/yyyy,
 * Asia/Ho_Chi_Minh), what it is, who recorded it, and every value it holds, opened.
 */
export function subjectAccessText(
  exported: SubjectExport,
  request: { request: DocRef; purpose: string },
  madeAt: string,
): string {
  const lines = [
    'PHIẾU CUNG CẤP DỮ LIỆU CÁ NHÂN CHO CHỦ THỂ DỮ LIỆU',
    '(Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15; Nghị định 356/2025/NĐ-CP)',
    '',
    `Mã định danh trong hệ thống: ${exported.personId}`,
    `Theo yêu cầu: số ${request.request.number} ngày ${formatVietnameseDate(request.request.date)}`,
    `Mục đích: ${request.purpose}`,
    `Lập lúc: ${formatDateTime(madeAt)} (giờ Việt Nam)`,
    `Tình trạng dữ liệu: ${exported.erased ? 'đã xóa (khóa dữ liệu đã bị hủy, giá trị hiện là [đã xóa])' : 'đang lưu giữ'}`,
    `Gồm ${exported.events.length} sự kiện trong ${exported.streams.length} hồ sơ.`,
  ];
  exported.streams.forEach((stream, i) => {
    lines.push('', `${i + 1}. Hồ sơ ${stream}`);
    for (const event of exported.events.filter((e) => e.stream === stream)) {
      const label = eventDefinition(event.type)?.label.vi ?? event.type;
      lines.push(
        `   - ${formatVietnameseDate(localDateAt(event.occurredAt))} — ${label} (${roleOf(event.metadata.role)}, ${event.metadata.unit})`,
      );
      for (const leaf of leaves(event.data, '', [])) lines.push(`       ${leaf}`);
    }
  });
  return `${lines.join('\n')}\n`;
}
