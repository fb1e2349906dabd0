/** The codes a report refuses with; the API maps each to a status, the CLI prints it. */
export type ReportErrorCode =
  | 'ERR_UNKNOWN_REPORT'
  | 'ERR_BAD_PERIOD'
  | 'ERR_BAD_POSITION'
  | 'ERR_POSITION_AHEAD'
  | 'ERR_UNKNOWN_UNIT'
  | 'ERR_EMPTY_LOG';

/** A report that cannot be made as asked: a Vietnamese message, the English detail, a stable code. */
export class ReportError extends Error {
  constructor(
    readonly code: ReportErrorCode,
    message: string,
    readonly detail: string,
  ) {
    super(message);
    this.name = 'ReportError';
  }
}
