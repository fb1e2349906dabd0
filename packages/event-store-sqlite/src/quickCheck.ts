import {
  CorruptEventError,
  GENESIS_HASH,
  UnboundRowError,
  canonicalEnvelope,
  chainHash,
  envelopeOf,
  type ChainFailure,
  type ChainFailureReason,
  type EventStore,
  type RecordedEvent,
} from '@dacxa/event-store';

/** The event before `event` in its stream, read with the store's own checks of the link between them. */
async function predecessor(store: EventStore, event: RecordedEvent): Promise<RecordedEvent | null> {
  if (event.revision === 0) return null;
  for await (const before of store.readStream(event.stream, { from: event.revision - 1, limit: 2 }))
    return before;
  return null;
}

/**
 * What every start can afford (a full check re-hashes the whole log: `dacxa verify-store`): positions
 * run 1…n (`assertPositions`), and each of the last `tail` events recomputes its hash, follows the
 * event before it in its stream and matches its columns. Null when all of that holds.
 */
export async function quickCheck(
  store: EventStore,
  assertPositions: () => void,
  tail: number,
): Promise<ChainFailure | null> {
  const fail = (reason: ChainFailureReason, event: RecordedEvent, message: string): ChainFailure => ({
    reason,
    position: event.position,
    stream: event.stream,
    revision: event.revision,
    message: `${event.stream}@${event.revision}: ${message}`,
  });
  try {
    assertPositions();
    const head = Number((await store.headPosition()) ?? 0n);
    const last = new Map<string, RecordedEvent | null>();
    for await (const event of store.readAll({ after: BigInt(Math.max(0, head - tail)) })) {
      const before = last.has(event.stream) ? last.get(event.stream) : await predecessor(store, event);
      if (event.revision !== (before ? before.revision + 1 : 0))
        return fail('revision-gap', event, 'does not follow the event before it');
      if (event.prevHash !== (before ? before.hash : GENESIS_HASH))
        return fail('broken-link', event, 'prevHash does not match the previous event');
      if (chainHash(event.prevHash, canonicalEnvelope(envelopeOf(event))) !== event.hash)
        return fail('hash-mismatch', event, 'content does not match its hash');
      last.set(event.stream, event);
    }
    return null;
  } catch (error) {
    if (!(error instanceof UnboundRowError) && !(error instanceof CorruptEventError)) throw error;
    const reason = error instanceof UnboundRowError ? error.reason : 'unreadable';
    return { reason, position: error.position, stream: null, revision: null, message: error.message };
  }
}
