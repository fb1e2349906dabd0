import { describe, expect, it } from 'vitest';
import type { EventStore } from '../types.js';
import { collect, readAllOf, someEvents, uniqueToken } from './harness.js';

const numbers = (events: readonly { data: unknown }[]): number[] =>
  events.map((e) => (e.data as { n: number }).n);

/** Stream and log reads: order, direction, ranges and limits. */
export function readContract(store: () => EventStore): void {
  describe('readStream', () => {
    it('reads a stream forwards in revision order with every recorded field', async () => {
      const stream = `case-${uniqueToken()}`;
      await store().append(stream, someEvents(5));
      const events = await collect(store().readStream(stream));
      expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
      expect(numbers(events)).toEqual([0, 1, 2, 3, 4]);
      const [first] = events;
      expect(first).toMatchObject({
        stream,
        type: 'VisitLogged',
        schemaVersion: 1,
        metadata: { unit: 'xa-an-khanh' },
      });
      expect(first?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
      expect(Date.parse(first?.recordedAt ?? '')).not.toBeNaN();
      expect(first?.hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('reads backwards from the end, and from a revision', async () => {
      const stream = `case-${uniqueToken()}`;
      await store().append(stream, someEvents(5));
      expect(numbers(await collect(store().readStream(stream, { direction: 'backwards' })))).toEqual([
        4, 3, 2, 1, 0,
      ]);
      expect(numbers(await collect(store().readStream(stream, { direction: 'backwards', from: 2 })))).toEqual(
        [2, 1, 0],
      );
      expect(
        numbers(await collect(store().readStream(stream, { direction: 'backwards', from: 3, to: 2 }))),
      ).toEqual([3, 2]);
    });

    it('honours from, to and limit', async () => {
      const stream = `case-${uniqueToken()}`;
      await store().append(stream, someEvents(10));
      expect(numbers(await collect(store().readStream(stream, { from: 3, to: 5 })))).toEqual([3, 4, 5]);
      expect(numbers(await collect(store().readStream(stream, { from: 7, limit: 2 })))).toEqual([7, 8]);
      expect(
        numbers(await collect(store().readStream(stream, { direction: 'backwards', limit: 3 }))),
      ).toEqual([9, 8, 7]);
      expect(await collect(store().readStream(stream, { from: 10 }))).toEqual([]);
    });

    it('reads nothing from a stream that does not exist', async () => {
      expect(await collect(store().readStream(`case-${uniqueToken()}`))).toEqual([]);
      expect(await store().headRevision(`case-${uniqueToken()}`)).toBeNull();
    });
  });

  describe('readAll', () => {
    it('reads the whole log in global order, interleaved streams included', async () => {
      const token = uniqueToken();
      for (let i = 0; i < 6; i++) await store().append(`case-${token}-${i % 2}`, someEvents(1, i));
      const events = await readAllOf(store(), token);
      expect(numbers(events)).toEqual([0, 1, 2, 3, 4, 5]);
      for (let i = 1; i < events.length; i++)
        expect(events[i]!.position > events[i - 1]!.position).toBe(true);
    });

    it('reads after a position, with a limit', async () => {
      const token = uniqueToken();
      const stream = `case-${token}`;
      const { position } = await store().append(stream, someEvents(3));
      await store().append(stream, someEvents(4, 3));
      const after = await collect(store().readAll({ after: position, limit: 2 }));
      expect(numbers(after.filter((e) => e.stream === stream))).toEqual([3, 4].slice(0, after.length));
      expect(after.length).toBeLessThanOrEqual(2);
      expect(after[0]!.position > position).toBe(true);
      const head = await store().headPosition();
      expect(await collect(store().readAll({ after: head ?? 0n }))).toEqual([]);
    });
  });
}
