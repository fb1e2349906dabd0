import { describe, expect, it } from 'vitest';
import { EventTooLargeError, InvalidEventError, InvalidStreamNameError } from '../errors.js';
import type { EventStore, NewEvent } from '../types.js';
import { anEvent, collect, uniqueToken } from './harness.js';

const VIETNAMESE_NFC = 'Nguyễn Thị Hồng Nhung, thôn Đông, xã An Khánh — Điều 11 Luật Đặc xá';
const VIETNAMESE_NFD = VIETNAMESE_NFC.normalize('NFD');

/** Exact round-trips of Vietnamese text and of payloads at the size limit; bad input refused. */
export function inputContract(store: () => EventStore, maxEventBytes: number): void {
  describe('payloads', () => {
    it('round-trips Vietnamese text exactly, NFC and NFD alike', async () => {
      const stream = `case-${uniqueToken()}`;
      const data = { nfc: VIETNAMESE_NFC, nfd: VIETNAMESE_NFD, emoji: '✅ 🇻🇳' };
      await store().append(stream, [
        anEvent(0, { data, metadata: { actor: 'Trần Văn Bình', role: 'r', unit: 'u' } }),
      ]);
      const [event] = await collect(store().readStream(stream));
      expect(event?.data).toEqual(data);
      expect((event?.data as typeof data).nfd).not.toBe(VIETNAMESE_NFC);
      expect(event?.metadata.actor).toBe('Trần Văn Bình');
    });

    it('accepts data of exactly the size limit and refuses one byte more, writing nothing', async () => {
      const stream = `case-${uniqueToken()}`;
      const atLimit = 'đ'.repeat(10) + 'x'.repeat(maxEventBytes - 2 - 20); // "…": 2 quotes, đ is 2 bytes
      await store().append(stream, [anEvent(0, { data: atLimit })]);
      const [event] = await collect(store().readStream(stream));
      expect(event?.data).toBe(atLimit);
      const error = await store()
        .append(stream, [anEvent(1, { data: `${atLimit}x` })])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventTooLargeError);
      expect(error).toMatchObject({ bytes: maxEventBytes + 1, limit: maxEventBytes });
      expect(await store().headRevision(stream)).toBe(0);
    });
  });

  describe('bad input', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const badEvents: [string, unknown, string][] = [
      ['BigInt', anEvent(0, { data: { amount: 10n } as never }), 'data.amount'],
      ['a cycle', anEvent(0, { data: cyclic as never }), 'data.self'],
      ['a function', anEvent(0, { data: { f: () => 1 } as never }), 'data.f'],
      ['undefined inside an array', anEvent(0, { data: [1, undefined, 3] as never }), 'data[1]'],
      ['NaN', anEvent(0, { data: { x: Number.NaN } }), 'data.x'],
      ['a Date object', anEvent(0, { data: { at: new Date() } as never }), 'data.at'],
      ['a lone surrogate', anEvent(0, { data: { name: 'Nguy\ud800n' } }), 'data.name'],
      [
        'Infinity in metadata',
        anEvent(0, { metadata: { actor: 'a', role: 'r', unit: 'u', score: Infinity } }),
        'metadata.score',
      ],
      ['a missing type', { ...anEvent(0), type: undefined }, 'type'],
      ['an empty type', anEvent(0, { type: '' }), 'type'],
      ['missing metadata', { ...anEvent(0), metadata: undefined }, 'metadata'],
      [
        'metadata without actor',
        anEvent(0, { metadata: { role: 'r', unit: 'u' } as never }),
        'metadata.actor',
      ],
      ['an id that is not a UUID', anEvent(0, { id: 'abc' }), 'id'],
      ['a local time without zone', anEvent(0, { occurredAt: '2025-09-05T08:00:00' }), 'occurredAt'],
    ];
    it.each(badEvents)(
      'refuses %s with a typed error naming where, writing nothing',
      async (_, event, path) => {
        const stream = `case-${uniqueToken()}`;
        const error = await store()
          .append(stream, [anEvent(1), event as NewEvent])
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InvalidEventError);
        expect(error).toMatchObject({ code: 'ERR_INVALID_EVENT', index: 1, path });
        expect(await store().headRevision(stream)).toBeNull();
      },
    );

    it('refuses an empty batch', async () => {
      await expect(store().append(`case-${uniqueToken()}`, [])).rejects.toBeInstanceOf(InvalidEventError);
    });

    it.each([
      ['empty', ''],
      ['overlong', `case-${'x'.repeat(200)}`],
      ['without a category', uniqueToken()],
      ['a system stream', '$all'],
      ['with spaces', 'case-a b'],
    ])('refuses a stream name that is %s, writing nothing', async (_, stream) => {
      const before = await store().headPosition();
      await expect(store().append(stream, [anEvent(0)])).rejects.toBeInstanceOf(InvalidStreamNameError);
      expect(await store().headPosition()).toEqual(before);
    });
  });
}
