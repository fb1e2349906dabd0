import { jsonEvent, type EventData, type JSONType, type ResolvedEvent } from '@eventstore/db-client';
import { CorruptEventError, type HashedEnvelope, type RecordedEvent } from '@dacxa/event-store';
import { fromEsdbPosition } from './position.js';

/** What dacxa keeps in an EventStoreDB event's metadata: the chain, and EventStoreDB's own correlation keys. */
export interface ChainMetadata {
  prevHash: string;
  hash: string;
  $correlationId?: string;
  $causationId?: string;
}

/**
 * The EventStoreDB event for one of ours: its data is the whole hashed envelope, so what the hash
 * covers is exactly what the server keeps; EventStoreDB's own id and type are ours too.
 */
export function toEventData(envelope: HashedEnvelope, prevHash: string, hash: string): EventData {
  const metadata: ChainMetadata = { prevHash, hash };
  if (envelope.metadata.correlationId) metadata.$correlationId = envelope.metadata.correlationId;
  if (envelope.metadata.causationId) metadata.$causationId = envelope.metadata.causationId;
  return jsonEvent({ id: envelope.id, type: envelope.type, data: envelope as unknown as JSONType, metadata });
}

/** Whether an event read from $all is one of dacxa's (not a system or foreign event). */
export function isOurs(resolved: ResolvedEvent): boolean {
  const event = resolved.event;
  return event !== undefined && event.isJson && !event.streamId.startsWith('$') && hasChain(event.metadata);
}

function hasChain(metadata: unknown): metadata is ChainMetadata {
  const m = metadata as Partial<ChainMetadata> | undefined;
  return typeof m?.hash === 'string' && typeof m.prevHash === 'string';
}

/** Our recorded event from EventStoreDB's, checking that the stored envelope matches where it lies. */
export function toRecorded(resolved: ResolvedEvent): RecordedEvent {
  const event = resolved.event;
  if (!event?.position)
    throw new Error('EventStoreDB returned an event without a position (server older than 20.6?)');
  const position = fromEsdbPosition(event.position);
  if (!event.isJson || !hasChain(event.metadata)) throw new CorruptEventError(position, 'not a dacxa event');
  const envelope = event.data as unknown as HashedEnvelope;
  if (
    envelope.stream !== event.streamId ||
    BigInt(envelope.revision) !== event.revision ||
    envelope.id !== event.id
  ) {
    throw new CorruptEventError(
      position,
      'the envelope does not match the stream, revision or id it is stored at',
    );
  }
  return { ...envelope, position, prevHash: event.metadata.prevHash, hash: event.metadata.hash };
}
