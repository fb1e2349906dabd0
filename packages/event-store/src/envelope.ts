import { canonicalJson } from './canonicalJson.js';
import type { PreparedEvent } from './prepareEvents.js';
import type { HashedEnvelope, RecordedEvent } from './types.js';

/** The hashed part of a recorded event: the fields docs/event-hashing.md lists, nothing else. */
export function envelopeOf(event: RecordedEvent): HashedEnvelope {
  const { id, stream, revision, type, schemaVersion, data, metadata, occurredAt, recordedAt } = event;
  return { id, stream, revision, type, schemaVersion, data, metadata, occurredAt, recordedAt };
}

/** The canonical (RFC 8785) text that an event's hash covers. */
export function canonicalEnvelope(envelope: HashedEnvelope): string {
  return canonicalJson(envelope);
}

/**
 * The same text as `canonicalEnvelope`, built from the already-canonical data and metadata so a
 * 1 MiB payload is not serialised twice. The keys below are in RFC 8785 order (all ASCII, sorted).
 * The other values are validated ASCII strings and safe integers, which RFC 8785 §3.2.2 serialises
 * exactly as JSON.stringify does. A unit test holds the two equal.
 */
export function composeEnvelope(
  event: PreparedEvent,
  stream: string,
  revision: number,
  recordedAt: string,
): string {
  return (
    `{"data":${event.dataJson},"id":${JSON.stringify(event.id)},"metadata":${event.metadataJson}` +
    `,"occurredAt":${JSON.stringify(event.occurredAt)},"recordedAt":${JSON.stringify(recordedAt)}` +
    `,"revision":${revision},"schemaVersion":${event.schemaVersion}` +
    `,"stream":${JSON.stringify(stream)},"type":${JSON.stringify(event.type)}}`
  );
}
