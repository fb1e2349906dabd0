import { InvalidStreamNameError } from './errors.js';

/** Longest accepted stream name, in characters. */
export const MAX_STREAM_NAME_LENGTH = 200;

// `<category>-<id>`: a lower-case category, then an id of URL-safe characters. A leading `$` is
// refused because EventStoreDB reserves it for system streams.
const STREAM_NAME = /^[a-z][a-z0-9]*-[A-Za-z0-9._:@-]+$/;

/** Throws InvalidStreamNameError unless `stream` is a `<category>-<id>` name. */
export function assertStreamName(stream: unknown): asserts stream is string {
  if (typeof stream !== 'string') throw new InvalidStreamNameError(stream, 'not a string');
  if (stream.length === 0) throw new InvalidStreamNameError(stream, 'empty');
  if (stream.length > MAX_STREAM_NAME_LENGTH) {
    throw new InvalidStreamNameError(stream, `longer than ${MAX_STREAM_NAME_LENGTH} characters`);
  }
  if (!STREAM_NAME.test(stream)) {
    throw new InvalidStreamNameError(
      stream,
      'expected <category>-<id>, e.g. case-01HZ… (a-z, 0-9, then - and the id)',
    );
  }
}

/** The category of a `<category>-<id>` stream name, e.g. `case` for `case-42`. */
export function categoryOf(stream: string): string {
  return stream.slice(0, stream.indexOf('-'));
}
