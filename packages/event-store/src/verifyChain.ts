import { canonicalEnvelope, envelopeOf } from './envelope.js';
import { UnboundRowError } from './errors.js';
import { GENESIS_HASH, chainHash } from './hash.js';
import type { Position, RecordedEvent } from './types.js';

/** Why a chain check stopped. */
export type ChainFailureReason =
  | 'hash-mismatch'
  | 'broken-link'
  | 'revision-gap'
  | 'out-of-order'
  | 'unreadable'
  /** A store refused a row whose columns differ from its envelope (UnboundRowError). */
  | 'column-mismatch'
  /** A store refused a row whose position breaks the run 1, 2, 3… (UnboundRowError). */
  | 'position-gap';

/** The first broken link a chain check found. */
export interface ChainFailure {
  reason: ChainFailureReason;
  position: Position | null;
  stream: string | null;
  revision: number | null;
  message: string;
}

/** The outcome of `verifyChain`: how far it got, and the first failure if any. */
export type ChainReport =
  | { ok: true; events: number; streams: number }
  | { ok: false; events: number; streams: number; failure: ChainFailure };

/** Thrown by a store's reader when stored bytes cannot be decoded; verifyChain reports it. */
export class CorruptEventError extends Error {
  readonly code = 'ERR_CORRUPT_EVENT';
  constructor(
    readonly position: Position,
    readonly reason: string,
  ) {
    super(
      `Sự kiện tại vị trí ${position} bị hỏng: ${reason} (event at position ${position} is corrupt: ${reason})`,
    );
    this.name = 'CorruptEventError';
  }
}

/**
 * Recomputes every hash from the events as read back (global order, e.g. from readAll) and checks
 * each stream's links and revisions, stopping at the first failure.
 */
export async function verifyChain(
  events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>,
): Promise<ChainReport> {
  const heads = new Map<string, { revision: number; hash: string }>();
  let count = 0;
  let lastPosition: Position | null = null;
  const fail = (reason: ChainFailureReason, e: RecordedEvent | null, message: string): ChainReport => ({
    ok: false,
    events: count,
    streams: heads.size,
    failure: {
      reason,
      position: e?.position ?? null,
      stream: e?.stream ?? null,
      revision: e?.revision ?? null,
      message,
    },
  });
  try {
    for await (const event of events) {
      if (lastPosition !== null && event.position <= lastPosition) {
        return fail('out-of-order', event, `position ${event.position} follows ${lastPosition}`);
      }
      const head = heads.get(event.stream);
      const expectedRevision = head ? head.revision + 1 : 0;
      if (event.revision !== expectedRevision) {
        return fail(
          'revision-gap',
          event,
          `${event.stream}: revision ${event.revision}, expected ${expectedRevision}`,
        );
      }
      const expectedPrev = head ? head.hash : GENESIS_HASH;
      if (event.prevHash !== expectedPrev) {
        return fail(
          'broken-link',
          event,
          `${event.stream}@${event.revision}: prevHash does not match the previous event`,
        );
      }
      if (chainHash(event.prevHash, canonicalEnvelope(envelopeOf(event))) !== event.hash) {
        return fail(
          'hash-mismatch',
          event,
          `${event.stream}@${event.revision}: content does not match its hash`,
        );
      }
      heads.set(event.stream, { revision: event.revision, hash: event.hash });
      lastPosition = event.position;
      count++;
    }
  } catch (error) {
    if (!(error instanceof CorruptEventError) && !(error instanceof UnboundRowError)) throw error;
    return {
      ok: false,
      events: count,
      streams: heads.size,
      failure: {
        reason: error instanceof UnboundRowError ? error.reason : 'unreadable',
        position: error.position,
        stream: null,
        revision: null,
        message: error.message,
      },
    };
  }
  return { ok: true, events: count, streams: heads.size };
}
