import { canonicalJson, composeEnvelope, type HashedEnvelope } from '@dacxa/event-store';
import { ENVELOPE_KEY } from './bundleFormat.js';

/** A line of events.ndjson as read: its head's fields, the envelope's text as hashed, and that text parsed. */
export interface ReadEvent {
  leafIndex: number;
  position: string;
  prevHash: string;
  hash: string;
  /** The bytes the hash covers, from just after `,"envelope":` to just before the final `}`. */
  envelopeText: string;
  envelope: HashedEnvelope;
  /** `data` as canonical JSON: its text inside the envelope, and what events.csv shows. */
  dataText: string;
}

// A line is `{"leafIndex":…,"position":"…","prevHash":"…","hash":"…","envelope":<canonical text>}`.
const HEAD =
  /^\{"leafIndex":(0|[1-9]\d*),"position":"(0|[1-9]\d*)","prevHash":"([0-9a-f]{64})","hash":"([0-9a-f]{64})"$/;

const isInstant = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isMetadata = (m: unknown) =>
  isObject(m) && typeof m.actor === 'string' && typeof m.role === 'string' && typeof m.unit === 'string';
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses a line, or null when it is not one in this format or its envelope is not canonical
 * (RFC 8785: the nine members, sorted, each in its canonical form), so that what it reads is
 * exactly what was hashed and no parser can read a duplicated member otherwise.
 */
export function parseLine(text: string): ReadEvent | null {
  const tail = text.indexOf(ENVELOPE_KEY);
  const fields = tail < 0 || !text.endsWith('}') ? null : HEAD.exec(text.slice(0, tail));
  if (!fields) return null;
  const envelopeText = text.slice(tail + ENVELOPE_KEY.length, -1);
  let envelope: unknown;
  try {
    envelope = JSON.parse(envelopeText);
  } catch {
    return null;
  }
  if (
    !isObject(envelope) ||
    typeof envelope.stream !== 'string' ||
    typeof envelope.type !== 'string' ||
    !Number.isSafeInteger(envelope.revision) ||
    !isInstant(envelope.occurredAt) ||
    !isInstant(envelope.recordedAt) ||
    !isMetadata(envelope.metadata)
  )
    return null;
  const { id, type, schemaVersion, data, metadata, occurredAt, stream, revision, recordedAt } =
    envelope as unknown as HashedEnvelope;
  const dataText = canonicalJson(data);
  // Built from the canonical data and metadata: one serialisation, not two (envelope.ts).
  const canonical = composeEnvelope(
    { id, type, schemaVersion, occurredAt, dataJson: dataText, metadataJson: canonicalJson(metadata) },
    stream,
    revision,
    recordedAt,
  );
  if (canonical !== envelopeText) return null;
  return {
    leafIndex: Number(fields[1]),
    position: fields[2] as string,
    prevHash: fields[3] as string,
    hash: fields[4] as string,
    envelopeText,
    envelope: envelope as unknown as HashedEnvelope,
    dataText,
  };
}
