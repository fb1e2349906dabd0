import { v7 as uuidv7, validate as isUuid } from 'uuid';
import { canonicalJson } from './canonicalJson.js';
import { EventTooLargeError, InvalidEventError } from './errors.js';
import { assertJsonValue } from './jsonGuard.js';
import type { EventMetadata, NewEvent } from './types.js';

/** Default limit on one event's `data`, in bytes of its canonical JSON. */
export const DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

/** An event checked and completed, ready for an adapter to give it a stream revision. */
export interface PreparedEvent {
  id: string;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  /** `data` as canonical JSON: computed once, reused for the size check and the envelope. */
  dataJson: string;
  metadataJson: string;
}

const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_.:-]{0,127}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const REQUIRED_METADATA = ['actor', 'role', 'unit'] as const;
const OPTIONAL_METADATA = ['correlationId', 'causationId', 'commandId'] as const;

/**
 * Validates a batch before anything is written: every problem is a typed error naming the event's
 * index and the path inside it. `now` fills occurredAt when absent.
 */
export function prepareEvents(
  events: readonly NewEvent[],
  now: string,
  maxEventBytes: number = DEFAULT_MAX_EVENT_BYTES,
): PreparedEvent[] {
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidEventError(0, 'events', 'append needs a non-empty array of events');
  }
  const seen = new Set<string>();
  const batch: readonly NewEvent[] = events;
  return batch.map((event, index) => {
    const prepared = prepareEvent(event, index, now, maxEventBytes);
    if (seen.has(prepared.id))
      throw new InvalidEventError(index, 'id', 'the same id appears twice in the batch');
    seen.add(prepared.id);
    return prepared;
  });
}

function prepareEvent(event: NewEvent, index: number, now: string, maxEventBytes: number): PreparedEvent {
  if (typeof event !== 'object' || event === null) throw new InvalidEventError(index, '', 'not an object');
  const { id, type, schemaVersion = 1, data, metadata, occurredAt = now } = event;
  if (id !== undefined && (typeof id !== 'string' || !isUuid(id))) {
    throw new InvalidEventError(index, 'id', 'not a UUID');
  }
  if (typeof type !== 'string' || !EVENT_TYPE.test(type)) {
    throw new InvalidEventError(index, 'type', 'missing, or not a name of letters, digits and . _ : -');
  }
  if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1) {
    throw new InvalidEventError(index, 'schemaVersion', 'not a positive integer');
  }
  if (
    typeof occurredAt !== 'string' ||
    !ISO_INSTANT.test(occurredAt) ||
    Number.isNaN(Date.parse(occurredAt))
  ) {
    throw new InvalidEventError(index, 'occurredAt', 'not an ISO 8601 instant with a time zone');
  }
  assertJsonValue(data, index, 'data');
  assertMetadata(metadata, index);
  const dataJson = canonicalJson(data);
  const bytes = Buffer.byteLength(dataJson, 'utf8');
  if (bytes > maxEventBytes) throw new EventTooLargeError(index, bytes, maxEventBytes);
  const metadataJson = canonicalJson(metadata);
  return { id: id ?? uuidv7(), type, schemaVersion, occurredAt, dataJson, metadataJson };
}

function assertMetadata(metadata: unknown, index: number): asserts metadata is EventMetadata {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new InvalidEventError(index, 'metadata', 'missing: every event records actor, role and unit');
  }
  const record = metadata as Record<string, unknown>;
  for (const key of REQUIRED_METADATA) {
    if (typeof record[key] !== 'string' || record[key] === '') {
      throw new InvalidEventError(index, `metadata.${key}`, 'a non-empty string is required');
    }
  }
  for (const key of OPTIONAL_METADATA) {
    if (record[key] !== undefined && typeof record[key] !== 'string') {
      throw new InvalidEventError(index, `metadata.${key}`, 'must be a string');
    }
  }
  assertJsonValue(metadata, index, 'metadata');
}
