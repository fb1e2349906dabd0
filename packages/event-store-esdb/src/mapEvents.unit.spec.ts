import { describe, expect, it } from 'vitest';
import type { ResolvedEvent } from '@eventstore/db-client';
import {
  GENESIS_HASH,
  chainHash,
  composeEnvelope,
  prepareEvents,
  verifyChain,
  type HashedEnvelope,
} from '@dacxa/event-store';
import { isOurs, toEventData, toRecorded } from './mapEvents.js';

// A ResolvedEvent shaped as the client returns one read from the server (the server is not here).
function asRead(data: unknown, metadata: unknown, streamId: string, revision: bigint): ResolvedEvent {
  const envelope = data as { id: string; type: string };
  return {
    event: {
      streamId,
      id: envelope.id,
      revision,
      type: envelope.type,
      data,
      metadata,
      isJson: true,
      created: new Date(),
      position: { commit: 100n + revision, prepare: 100n + revision },
    },
  } as unknown as ResolvedEvent;
}

describe('mapping to and from EventStoreDB events', () => {
  const [prepared] = prepareEvents(
    [
      {
        type: 'PersonReceived',
        data: { village: 'Thôn Đông' },
        metadata: { actor: 'a', role: 'r', unit: 'u', correlationId: 'c-1' },
      },
    ],
    '2025-09-05T01:00:00.000Z',
  );
  const body = composeEnvelope(prepared!, 'case-7', 0, '2025-09-05T01:00:00.000Z');
  const hash = chainHash(GENESIS_HASH, body);
  const data = toEventData(JSON.parse(body) as HashedEnvelope, GENESIS_HASH, hash);

  it('keeps our id and type, the whole envelope as data, and the chain and correlation in metadata', () => {
    expect(data).toMatchObject({ id: prepared!.id, type: 'PersonReceived', contentType: 'application/json' });
    expect(data.metadata).toEqual({ prevHash: GENESIS_HASH, hash, $correlationId: 'c-1' });
  });

  it('reads an event back into one whose hash verifies', async () => {
    const recorded = toRecorded(asRead(data.data, data.metadata, 'case-7', 0n));
    expect(recorded.data).toEqual({ village: 'Thôn Đông' });
    await expect(verifyChain([recorded])).resolves.toMatchObject({ ok: true });
  });

  it('refuses an envelope stored under another stream, and ignores system events', () => {
    expect(() => toRecorded(asRead(data.data, data.metadata, 'case-8', 0n))).toThrow(/does not match/);
    expect(isOurs(asRead(data.data, {}, '$stats-127.0.0.1', 0n))).toBe(false);
  });
});
