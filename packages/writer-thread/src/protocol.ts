/** What a writer thread answers for one request: its value, or its error as plain data. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** The request thread to the writer. */
export type ToWriter<R> = { id: number; request: R } | { close: true };

/** The writer to the request thread: the replies of one committed batch, or that it closed. */
export type FromWriter<T> = { replies: Array<Outcome<T> & { id: number }> } | { closed: true };

/** An error that crossed the thread as data: what a store's `decodeError` rebuilds from. */
export interface ErrorData {
  name: string;
  message: string;
  code?: unknown;
  [key: string]: unknown;
}

/** The plain data of an error thrown in the writer, for errors the store has no encoding of. */
export function errorData(error: unknown): ErrorData {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(code === undefined ? {} : { code }) };
  }
  return { name: 'Error', message: String(error) };
}
