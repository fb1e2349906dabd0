import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeyStore } from '../keyStore.js';

const wrapped = (n: number) => ({ keyId: 'k1', wrapped: Buffer.alloc(60, n) });

/** What every key store must do: the same suite for memory, SQLite and MongoDB. */
export function runKeyStoreContract(name: string, open: () => Promise<KeyStore>): void {
  describe(`${name}: key store contract`, () => {
    let keys: KeyStore;
    beforeEach(async () => {
      keys = await open();
    });
    afterEach(async () => {
      await keys.close();
    });

    it('keeps the first key written for a person and ignores a second writer', async () => {
      await keys.insert('p-1', wrapped(1));
      await keys.insert('p-1', wrapped(2));
      expect(await keys.get('p-1')).toEqual({ personId: 'p-1', key: wrapped(1), erasedAt: null });
      expect(await keys.get('p-unknown')).toBeNull();
    });

    it('erases a key for good, leaving a tombstone that a rewrap or insert does not revive', async () => {
      await keys.insert('p-2', wrapped(1));
      await keys.erase('p-2', '2026-01-02T03:04:05.000Z');
      await keys.rewrap('p-2', wrapped(3));
      await keys.insert('p-2', wrapped(4));
      expect(await keys.get('p-2')).toEqual({
        personId: 'p-2',
        key: null,
        erasedAt: '2026-01-02T03:04:05.000Z',
      });
    });

    it('lists every live key, in pages, for master-key rotation', async () => {
      for (let i = 0; i < 1_203; i++) await keys.insert(`p-${String(i).padStart(5, '0')}`, wrapped(i % 250));
      await keys.erase('p-00007', '2026-01-01T00:00:00.000Z');
      await keys.rewrap('p-00008', { keyId: 'k2', wrapped: Buffer.alloc(60, 9) });
      const live: string[] = [];
      let rewrapped = 0;
      for await (const stored of keys.live()) {
        live.push(stored.personId);
        if (stored.key?.keyId === 'k2') rewrapped++;
      }
      expect(live).toHaveLength(1_202);
      expect(new Set(live).size).toBe(1_202);
      expect(rewrapped).toBe(1);
    });

    it('keeps the master-key canary', async () => {
      expect(await keys.getCanary()).toBeNull();
      await keys.setCanary(wrapped(5));
      await keys.setCanary(wrapped(6));
      expect(await keys.getCanary()).toEqual(wrapped(6));
    });
  });
}
