import { ConcurrencyError, DuplicateEventIdError, type ExpectedRevision } from '@dacxa/event-store';
import { errorData, type ErrorData } from '@dacxa/writer-thread';

/** An append's refusal as data, so that the request thread rebuilds the same typed error. */
export function encodeAppendError(error: unknown): ErrorData {
  if (error instanceof ConcurrencyError)
    return { ...errorData(error), stream: error.stream, expected: error.expected, actual: error.actual };
  if (error instanceof DuplicateEventIdError)
    return { ...errorData(error), stream: error.stream, id: error.id };
  return errorData(error);
}

export function decodeAppendError(data: unknown): Error {
  const e = data as ErrorData;
  if (e.name === 'ConcurrencyError')
    return new ConcurrencyError(String(e.stream), e.expected as ExpectedRevision, e.actual as number | null);
  if (e.name === 'DuplicateEventIdError') return new DuplicateEventIdError(String(e.stream), String(e.id));
  // SQLite's own errors (busy, full disk, I/O) keep their message and code.
  return Object.assign(new Error(e.message), { name: e.name, code: e.code });
}
