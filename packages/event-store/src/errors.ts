import type { ExpectedRevision, Position } from './types.js';

/** Stable codes: never reused for another meaning. */
export type EventStoreErrorCode =
  | 'ERR_CONFLICT'
  | 'ERR_INVALID_STREAM_NAME'
  | 'ERR_EVENT_TOO_LARGE'
  | 'ERR_INVALID_EVENT'
  | 'ERR_DUPLICATE_EVENT_ID'
  | 'ERR_STORE_CLOSED'
  | 'ERR_SCHEMA_TOO_NEW'
  | 'ERR_INVALID_OPTIONS';

/** Base of every error the event store throws; narrow on `code`. */
export abstract class EventStoreError extends Error {
  abstract readonly code: EventStoreErrorCode;
}

/** The stream was not at the expected revision; nothing was written. */
export class ConcurrencyError extends EventStoreError {
  readonly code = 'ERR_CONFLICT';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's revision, or null when it does not exist. */
    readonly actual: number | null,
  ) {
    super(
      `Xung đột phiên bản luồng "${stream}": mong đợi ${String(expected)}, thực tế ${actual ?? 'không tồn tại'} ` +
        `(stream "${stream}" expected ${String(expected)}, actual ${actual ?? 'no stream'})`,
    );
    this.name = 'ConcurrencyError';
  }
}

export class InvalidStreamNameError extends EventStoreError {
  readonly code = 'ERR_INVALID_STREAM_NAME';
  constructor(
    readonly stream: unknown,
    readonly reason: string,
  ) {
    super(`Tên luồng không hợp lệ: ${reason} (invalid stream name: ${reason})`);
    this.name = 'InvalidStreamNameError';
  }
}

export class EventTooLargeError extends EventStoreError {
  readonly code = 'ERR_EVENT_TOO_LARGE';
  constructor(
    readonly index: number,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(
      `Sự kiện #${index} quá lớn: ${bytes} byte, giới hạn ${limit} (event #${index} data is ${bytes} bytes, limit ${limit})`,
    );
    this.name = 'EventTooLargeError';
  }
}

export class InvalidEventError extends EventStoreError {
  readonly code = 'ERR_INVALID_EVENT';
  constructor(
    readonly index: number,
    /** Where in the event the problem is, e.g. `data.items[2]`. */
    readonly path: string,
    readonly reason: string,
  ) {
    super(
      `Sự kiện #${index} không hợp lệ tại ${path}: ${reason} (invalid event #${index} at ${path}: ${reason})`,
    );
    this.name = 'InvalidEventError';
  }
}

/** An event id already recorded elsewhere, or a retry that matches only part of what was written. */
export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'ERR_DUPLICATE_EVENT_ID';
  constructor(
    readonly stream: string,
    readonly id: string,
  ) {
    super(
      `Mã sự kiện ${id} đã được ghi ở chỗ khác (event id ${id} is already recorded outside this retry of "${stream}")`,
    );
    this.name = 'DuplicateEventIdError';
  }
}

export class StoreClosedError extends EventStoreError {
  readonly code = 'ERR_STORE_CLOSED';
  constructor() {
    super('Kho sự kiện đã đóng (the event store is closed)');
    this.name = 'StoreClosedError';
  }
}

/** The file was written by a newer version of dacxa; opening it could corrupt it. */
export class SchemaTooNewError extends EventStoreError {
  readonly code = 'ERR_SCHEMA_TOO_NEW';
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `Tệp dữ liệu có lược đồ phiên bản ${found}, phần mềm này chỉ hỗ trợ đến ${supported}; hãy nâng cấp dacxa ` +
        `(the store's schema version ${found} is newer than this build supports, ${supported}; upgrade dacxa)`,
    );
    this.name = 'SchemaTooNewError';
  }
}

export class InvalidOptionsError extends EventStoreError {
  readonly code = 'ERR_INVALID_OPTIONS';
  constructor(readonly reason: string) {
    super(`Tham số đọc/ghi không hợp lệ: ${reason} (invalid options: ${reason})`);
    this.name = 'InvalidOptionsError';
  }
}

/** How a stored row failed to match its hashed envelope or its place in the log. */
export type UnboundRowReason =
  'column-mismatch' | 'position-gap' | 'revision-gap' | 'broken-link' | 'out-of-order';

/**
 * A stored row that is not where its hashed event says it is: a column differs from the envelope,
 * its position breaks the log's run 1, 2, 3…, or its stream's revisions or links do not run on.
 * Not an EventStoreError: the caller did nothing wrong, the store's file was changed.
 */
export class UnboundRowError extends Error {
  readonly code = 'ERR_UNBOUND_ROW';
  constructor(
    readonly position: Position,
    readonly reason: UnboundRowReason,
    readonly detail: string,
  ) {
    super(
      `Hàng dữ liệu tại vị trí ${position} không khớp với sự kiện đã băm (${reason}): ${detail} ` +
        `(the stored row at position ${position} is not bound to its hashed event: ${detail})`,
    );
    this.name = 'UnboundRowError';
  }
}
