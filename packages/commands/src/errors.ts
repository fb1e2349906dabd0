/** What the command handler refuses, with stable codes the HTTP layer maps to problems. */
export type CommandErrorCode =
  | 'ERR_FORBIDDEN'
  | 'ERR_NOT_FOUND'
  | 'ERR_IDEMPOTENCY_KEY_REUSED'
  | 'ERR_UNKNOWN_COMMAND'
  | 'ERR_ID_MISMATCH'
  | 'ERR_CONFLICT_RETRIES'
  | 'ERR_OCCURRED_IN_FUTURE'
  | 'ERR_LATE_ENTRY_REASON';

/** A refusal of the handler's own (not a domain rule): who may act, what exists, what was sent. */
export class CommandError extends Error {
  constructor(
    readonly code: CommandErrorCode,
    readonly vi: string,
    message: string,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

/** The caller may not take this action on this record: refused before anything is decided. */
export const forbidden = (detail: string) =>
  new CommandError('ERR_FORBIDDEN', 'Hồ sơ không thuộc phạm vi đơn vị của bạn', detail);

/** No such record, or one the caller may not know of: both answer the same, so existence does not leak. */
export const notFound = (stream: string) =>
  new CommandError('ERR_NOT_FOUND', 'Không tìm thấy hồ sơ', `${stream} not found`);

/** The key of an earlier command was sent with another command or body. */
export const keyReused = () =>
  new CommandError(
    'ERR_IDEMPOTENCY_KEY_REUSED',
    'Mã Idempotency-Key đã được dùng cho một yêu cầu khác',
    'the Idempotency-Key was used before for another command type, stream or body',
  );

export const unknownCommand = (kind: string, type: string) =>
  new CommandError('ERR_UNKNOWN_COMMAND', 'Không có lệnh này', `${kind} has no command ${type}`);

export const idMismatch = (field: string) =>
  new CommandError(
    'ERR_ID_MISMATCH',
    'Mã trong nội dung khác mã trên đường dẫn',
    `${field} differs from the id in the path`,
  );

/** Every retry after a version conflict lost the race again (only without If-Match). */
export const tooManyConflicts = (stream: string, attempts: number) =>
  new CommandError(
    'ERR_CONFLICT_RETRIES',
    'Hồ sơ đang được cập nhật liên tục, vui lòng thử lại',
    `${stream}: ${attempts} attempts lost to concurrent writers`,
  );

/** An act said to have happened after the day it is entered: entries record the past only. */
export const occurredInFuture = (occurredOn: string, entered: string) =>
  new CommandError(
    'ERR_OCCURRED_IN_FUTURE',
    'Ngày xảy ra không thể sau ngày ghi nhận',
    `occurredOn ${occurredOn} is after the day of entry ${entered}`,
  );

/** A step met on time but entered after its deadline, without the reason the timeline must show. */
export const lateReasonRequired = (late: ReadonlyArray<{ rule: string; dueOn: string; actOn: string }>) =>
  new CommandError(
    'ERR_LATE_ENTRY_REASON',
    'Ghi nhận sau thời hạn: cần nêu lý do ghi muộn (tiêu đề Late-Reason)',
    late.map((l) => `${l.rule}: done on ${l.actOn}, due ${l.dueOn}, entered after it`).join('; '),
  );
