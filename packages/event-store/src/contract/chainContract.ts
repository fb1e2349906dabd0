import { describe, expect, it } from 'vitest';
import { canonicalEnvelope, envelopeOf } from '../envelope.js';
import { GENESIS_HASH, chainHash } from '../hash.js';
import type { EventStore, RecordedEvent } from '../types.js';
import { verifyChain } from '../verifyChain.js';
import { collect, readAllOf, someEvents, uniqueToken } from './harness.js';

async function twoStreams(store: EventStore): Promise<RecordedEvent[]> {
  const token = uniqueToken();
  for (let i = 0; i < 3; i++) {
    await store.append(`case-${token}-a`, someEvents(2, i * 2));
    await store.append(`case-${token}-b`, someEvents(1, i));
  }
  return readAllOf(store, token);
}

/** The hash chain, recomputed from what is read back, and the verifier's reports. */
export function chainContract(store: () => EventStore): void {
  describe('hash chain', () => {
    it('recomputes every hash from the events read back', async () => {
      const stream = `case-${uniqueToken()}`;
      await store().append(stream, someEvents(4));
      const events = await collect(store().readStream(stream));
      let prev = GENESIS_HASH;
      for (const event of events) {
        expect(event.prevHash).toBe(prev);
        expect(chainHash(prev, canonicalEnvelope(envelopeOf(event)))).toBe(event.hash);
        prev = event.hash;
      }
      await expect(verifyChain(events)).resolves.toEqual({ ok: true, events: 4, streams: 1 });
    });

    it('reports a changed event at its position', async () => {
      const events = await twoStreams(store());
      const changed = events.map((e, i) => (i === 4 ? { ...e, data: { n: 999 } } : e));
      const report = await verifyChain(changed);
      expect(report).toMatchObject({
        ok: false,
        failure: { reason: 'hash-mismatch', position: events[4]!.position },
      });
    });

    it('reports a removed, a swapped and an inserted event', async () => {
      const events = await twoStreams(store());
      const removed = events.filter((_, i) => i !== 3);
      expect(await verifyChain(removed)).toMatchObject({
        ok: false,
        failure: { position: events[4]!.position },
      });
      const swapped = [...events];
      [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
      expect(await verifyChain(swapped)).toMatchObject({ ok: false, failure: { reason: 'out-of-order' } });
      const forged = { ...events[1]!, id: crypto.randomUUID(), position: events[1]!.position + 1n };
      const inserted = [
        ...events.slice(0, 2),
        forged,
        ...events.slice(2).map((e) => ({ ...e, position: e.position + 1n })),
      ];
      expect(await verifyChain(inserted)).toMatchObject({ ok: false, failure: { reason: 'revision-gap' } });
    });
  });
}
