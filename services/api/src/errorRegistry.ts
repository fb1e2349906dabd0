/**
 * Every error code dacxa answers or prints, once: its HTTP status (null: never over HTTP — the
 * CLI and start-up), its Vietnamese title and what it means. The problem replies (RFC 9457) take
 * their status and `type` from here, and docs/errors.md is generated from it
 * (`npx tsx services/api/src/writeErrorsDoc.ts`); errorRegistry.unit.spec.ts checks that every
 * code in the sources is here and every code here is raised somewhere.
 */
export interface ErrorEntry {
  status: number | null;
  vi: string;
  en: string;
}

const e = (status: number | null, vi: string, en: string): ErrorEntry => ({ status, vi, en });

export const ERRORS = {
  // Requests a client can fix.
  ERR_VALIDATION: e(
    400,
    'Dữ liệu không hợp lệ',
    'the body, query or a header does not fit its schema (field paths in errors)',
  ),
  ERR_BAD_REQUEST: e(400, 'Yêu cầu không hợp lệ', 'malformed at the HTTP level'),
  ERR_DATE_RANGE: e(400, 'Ngày ngoài phạm vi cho phép', 'a date outside 1900–2100 or a range too long'),
  ERR_BAD_RANGE: e(400, 'Khoảng kích thước cây không hợp lệ', 'a proof between tree sizes that do not exist'),
  ERR_BAD_POSITION: e(400, 'Vị trí nhật ký không hợp lệ', 'a log position that is not a position'),
  ERR_POSITION_AHEAD: e(400, 'Vị trí vượt quá nhật ký', 'a position past the log’s head'),
  ERR_BAD_PERIOD: e(400, 'Kỳ báo cáo không hợp lệ', 'a report period that is not 2025-Q3, 2025-H1 or 2025'),
  ERR_ID_MISMATCH: e(
    400,
    'Mã trong nội dung khác mã trên đường dẫn',
    'the id in the body is not the one in the address',
  ),
  ERR_INVALID_STREAM_NAME: e(400, 'Tên luồng không hợp lệ', 'a stream name the store refuses'),
  ERR_INVALID_EVENT: e(400, 'Sự kiện không hợp lệ', 'an event the store refuses'),
  ERR_INVALID_OPTIONS: e(400, 'Tham số đọc/ghi không hợp lệ', 'read or append options out of range'),
  ERR_DUPLICATE_EVENT_ID: e(409, 'Sự kiện đã được ghi', 'an event id already in the log'),
  ERR_EVENT_TOO_LARGE: e(413, 'Sự kiện quá lớn', 'an event over the store’s size limit'),
  // Who may act.
  ERR_UNAUTHENTICATED: e(401, 'Chưa xác thực', 'no bearer token'),
  ERR_TOKEN_INVALID: e(
    401,
    'Mã xác thực không hợp lệ',
    'a token that does not verify, or lacks what it must carry',
  ),
  ERR_TOKEN_EXPIRED: e(401, 'Mã xác thực đã hết hạn', 'an expired token: renew it'),
  ERR_TOKEN_UNKNOWN_UNIT: e(
    401,
    'Đơn vị trong mã xác thực không có trong cây tổ chức',
    'a token naming a unit the tree does not have',
  ),
  ERR_RATE_LIMITED: e(
    429,
    'Quá nhiều lần xác thực thất bại',
    'too many failed authentications from this address',
  ),
  ERR_FORBIDDEN: e(
    403,
    'Không có quyền',
    'the access policy or a rule of the law refuses this role or unit (rule names which)',
  ),
  ERR_FOUR_EYES: e(403, 'Người đề nghị không được tự phê duyệt', 'the proposer may not approve (four eyes)'),
  ERR_NOT_FOUND: e(404, 'Không tìm thấy', 'no such record — or one the caller may not know of'),
  ERR_UNKNOWN_COMMAND: e(404, 'Không có lệnh này', 'the record has no such command'),
  ERR_UNKNOWN_REPORT: e(404, 'Không có loại báo cáo này', 'no such report kind'),
  ERR_UNKNOWN_UNIT: e(404, 'Không có đơn vị này', 'no such unit in the organisation tree'),
  ERR_NOT_IN_TREE: e(
    404,
    'Sự kiện chưa có trong cây Merkle',
    'the position is not (yet) a leaf of the ledger',
  ),
  ERR_ERASURE_REQUEST_NOT_FOUND: e(404, 'Không có đề nghị xóa này', 'no such erasure request'),
  // The state of a record.
  ERR_ILLEGAL_STATE: e(
    409,
    'Không thực hiện được ở trạng thái hiện tại',
    'a rule of the law refuses the step now (rule names which)',
  ),
  ERR_CONFLICT_RETRIES: e(409, 'Hồ sơ đang được cập nhật liên tục', 'every retry lost to another writer'),
  ERR_INCONSISTENT_HISTORY: e(
    409,
    'Lịch sử không nhất quán với gốc cây đã lưu',
    'the saved checkpoint is not a prefix of this log: it was rewritten',
  ),
  ERR_ERASURE_REQUEST_DECIDED: e(
    409,
    'Đề nghị xóa đã được quyết định',
    'the erasure request was decided already',
  ),
  ERR_SUBJECT_ALREADY_ERASED: e(
    409,
    'Dữ liệu của người này đã được xóa',
    'the person’s data is erased already',
  ),
  ERR_SUBJECT_ERASED: e(
    410,
    'Dữ liệu cá nhân đã được xóa',
    'the person’s data key is erased: the values cannot be opened',
  ),
  ERR_CONFLICT: e(
    412,
    'Hồ sơ vừa được người khác cập nhật',
    'If-Match names a revision that is not the stream’s',
  ),
  ERR_IDEMPOTENCY_KEY_REUSED: e(
    422,
    'Mã Idempotency-Key đã được dùng cho yêu cầu khác',
    'a key reused with another command, stream or body',
  ),
  ERR_OCCURRED_IN_FUTURE: e(
    422,
    'Ngày xảy ra không thể sau ngày ghi nhận',
    'Occurred-On after the day of entry',
  ),
  ERR_LATE_ENTRY_REASON: e(
    422,
    'Ghi nhận sau thời hạn: cần nêu lý do',
    'a duty met on time but entered after its deadline needs Late-Reason',
  ),
  ERR_CALENDAR_UNCOVERED: e(
    422,
    'Chưa có lịch nghỉ lễ, Tết của năm này',
    'a working-day deadline in a year no calendar covers',
  ),
  // The service's own state.
  ERR_READ_ONLY: e(503, 'Hệ thống đang ở chế độ chỉ đọc', 'serve --read-only: commands are refused'),
  ERR_VIEW_NOT_READY: e(503, 'Bảng dữ liệu đang được dựng lại', 'the view is rebuilding; retry'),
  ERR_NO_CHECKPOINT: e(
    503,
    'Chưa có điểm kiểm tra được đồng ký',
    'no checkpoint the witnesses’ quorum cosigned yet',
  ),
  ERR_OVERLOADED: e(503, 'Máy chủ đang quá tải', 'load shed under pressure; Retry-After says when'),
  ERR_MIGRATION_MISMATCH: e(
    409,
    'Nhật ký đích không khớp nhật ký nguồn',
    'dacxa migrate: the target is not a copy of the source’s first events; nothing was written',
  ),
  ERR_STORE_CLOSED: e(503, 'Kho sự kiện đã đóng', 'the event store is closed (the service is stopping)'),
  ERR_WRITER_STOPPED: e(
    503,
    'Luồng ghi dữ liệu đã dừng',
    'a SQLite file’s writer thread stopped: nothing more is written until the service restarts',
  ),
  ERR_NO_TREE_HEAD: e(404, 'Chưa có gốc cây nào được ký', 'no signed tree head (of that size) yet'),
  ERR_NO_FRESH_HEAD: e(503, 'Chưa có gốc cây mới', 'no tree head covering the log came in time'),
  ERR_EMPTY_LOG: e(404, 'Nhật ký trống', 'nothing recorded yet'),
  ERR_PROJECTION_TIMEOUT: e(
    504,
    'Dữ liệu chưa cập nhật kịp',
    'the view did not reach the position asked in time',
  ),
  // Faults: the operator's to investigate (a 5xx hides its cause from the client).
  ERR_INTERNAL: e(500, 'Lỗi hệ thống', 'an unexpected fault, logged with its cause'),
  ERR_SCHEMA_TOO_NEW: e(500, 'Dữ liệu ghi bởi phiên bản mới hơn', 'an event written by a newer build'),
  ERR_UNREADABLE_EVENT: e(500, 'Không đọc được sự kiện', 'a stored event no version of its type reads'),
  ERR_CORRUPT_EVENT: e(500, 'Sự kiện hỏng', 'a stored event whose hash does not match'),
  ERR_UNBOUND_ROW: e(
    500,
    'Hàng dữ liệu không khớp sự kiện đã băm',
    'a row whose columns are not its hashed envelope',
  ),
  ERR_SEAL_INTEGRITY: e(500, 'Dữ liệu niêm phong bị thay đổi', 'a sealed value fails its authentication tag'),
  ERR_UNSEALED_PERSONAL_DATA: e(
    500,
    'Dữ liệu cá nhân chưa được niêm phong',
    'personal data reached the store unsealed: refused',
  ),
  // Never over HTTP: start-up and the CLI.
  ERR_CONFIG: e(null, 'Cấu hình không hợp lệ', 'an environment variable is wrong (the message names which)'),
  ERR_MASTER_KEY: e(null, 'Khóa chủ không khớp', 'the master key does not open the store’s keys'),
  ERR_STORE_CHECK: e(
    null,
    'Kho sự kiện không qua kiểm tra khởi động',
    'the start-up check failed: nothing signed (see verify-store)',
  ),
  ERR_UNEXPECTED: e(null, 'Lỗi không lường trước', 'a CLI command failed unexpectedly'),
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERRORS;

/** The problem `type` of a code: a URI reference to its entry in the served errors page. */
export const problemType = (code: string): string =>
  code in ERRORS ? `/docs/errors#${code.toLowerCase()}` : 'about:blank';

/** The registry as Markdown: docs/errors.md and GET /docs/errors. */
export function renderErrorsDoc(): string {
  const rows = Object.entries(ERRORS).map(
    ([code, entry]) =>
      `| <a id="${code.toLowerCase()}"></a>\`${code}\` | ${entry.status ?? '—'} | ${entry.vi} | ${entry.en} |`,
  );
  return [
    '<!-- Generated from services/api/src/errorRegistry.ts by `npx tsx services/api/src/writeErrorsDoc.ts`; do not edit. -->',
    '',
    '# Error codes',
    '',
    'Every reply that refuses is `application/problem+json` (RFC 9457): `type` (this page, at the',
    'code), `title` (Vietnamese), `status`, `code`, `detail`, `instance` (`urn:uuid:<request id>`,',
    'the id the service logs the request under), and where they apply `errors` (field paths),',
    '`rule` and `basis` (the rule of the law that refused). A status of — means the code is never',
    'sent over HTTP: the CLI prints it (`Lỗi [CODE]: …`, exit code 2) or the service stops with it.',
    '',
    '| code | status | tiêu đề | meaning |',
    '| ---- | -----: | ------- | ------- |',
    ...rows,
    '',
  ].join('\n');
}
