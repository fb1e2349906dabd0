import { describe, expect, it } from 'vitest';
import { ConcurrencyError, DuplicateEventIdError } from '../errors.js';
import type { EventStore } from '../types.js';
import { collect, someEvents, uniqueToken } from './harness.js';

/** Expected revisions, conflicts, concurrent appenders and idempotent retries. */
export function appendContract(store: () => EventStore): void {
  describe('append and expected revision', () => {
    it('creates a stream with no_stream and refuses no_stream once it exists, writing nothing', async () => {
      const stream = `case-${uniqueToken()}`;
      await expect(
        store().append(stream, someEvents(2), { expectedRevision: 'no_stream' }),
      ).resolves.toMatchObject({
        revision: 1,
      });
      const error = await store()
        .append(stream, someEvents(1), { expectedRevision: 'no_stream' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ code: 'ERR_CONFLICT', expected: 'no_stream', actual: 1 });
      expect(await collect(store().readStream(stream))).toHaveLength(2);
    });

    it('appends with exists only to a stream that exists', async () => {
      const stream = `case-${uniqueToken()}`;
      await expect(
        store().append(stream, someEvents(1), { expectedRevision: 'exists' }),
      ).rejects.toMatchObject({
        code: 'ERR_CONFLICT',
        expected: 'exists',
        actual: null,
      });
      expect(await store().headRevision(stream)).toBeNull();
      await store().append(stream, someEvents(1));
      await expect(
        store().append(stream, someEvents(1), { expectedRevision: 'exists' }),
      ).resolves.toMatchObject({
        revision: 1,
      });
    });

    it('appends at an exact revision and names expected and actual when it is wrong', async () => {
      const stream = `case-${uniqueToken()}`;
      await store().append(stream, someEvents(3));
      await expect(store().append(stream, someEvents(1), { expectedRevision: 2 })).resolves.toMatchObject({
        revision: 3,
      });
      await expect(store().append(stream, someEvents(2), { expectedRevision: 1 })).rejects.toMatchObject({
        code: 'ERR_CONFLICT',
        expected: 1,
        actual: 3,
      });
      await expect(
        store().append(`case-${uniqueToken()}`, someEvents(1), { expectedRevision: 0 }),
      ).rejects.toMatchObject({
        actual: null,
      });
      expect(await store().headRevision(stream)).toBe(3);
    });

    it('appends with any whatever the stream holds, and returns increasing positions', async () => {
      const stream = `case-${uniqueToken()}`;
      const first = await store().append(stream, someEvents(1), { expectedRevision: 'any' });
      const second = await store().append(stream, someEvents(1), { expectedRevision: 'any' });
      expect(first.revision).toBe(0);
      expect(second.revision).toBe(1);
      expect(second.position > first.position).toBe(true);
    });

    it('lets exactly one of two concurrent appenders at the same revision win', async () => {
      for (let round = 0; round < 5; round++) {
        const stream = `case-${uniqueToken()}`;
        await store().append(stream, someEvents(1));
        const results = await Promise.allSettled([
          store().append(stream, someEvents(1, 100), { expectedRevision: 0 }),
          store().append(stream, someEvents(1, 200), { expectedRevision: 0 }),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const loser = results.find((r) => r.status === 'rejected');
        expect(loser?.reason).toBeInstanceOf(ConcurrencyError);
        expect(await collect(store().readStream(stream))).toHaveLength(2);
      }
    });
  });

  describe('idempotent retries', () => {
    it('returns the first result for a batch retried with the same ids, and writes nothing more', async () => {
      const stream = `case-${uniqueToken()}`;
      await store().append(stream, someEvents(1));
      const batch = someEvents(3, 10).map((e) => ({ ...e, id: crypto.randomUUID() }));
      const first = await store().append(stream, batch, { expectedRevision: 0 });
      const again = await store().append(stream, batch, { expectedRevision: 0 });
      const anyAgain = await store().append(stream, batch, { expectedRevision: 'any' });
      expect(again).toEqual(first);
      expect(anyAgain).toEqual(first);
      expect(await collect(store().readStream(stream))).toHaveLength(4);
    });

    it('refuses a batch that repeats only some recorded ids, writing nothing', async () => {
      const stream = `case-${uniqueToken()}`;
      const batch = someEvents(2).map((e) => ({ ...e, id: crypto.randomUUID() }));
      await store().append(stream, batch);
      const mixed = [batch[1]!, { ...someEvents(1, 5)[0]!, id: crypto.randomUUID() }];
      await expect(store().append(stream, mixed)).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await collect(store().readStream(stream))).toHaveLength(2);
    });
  });
}
