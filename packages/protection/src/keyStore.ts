import type { WrappedKey } from './masterKeys.js';

/** A person's data key as stored: wrapped, or erased (a tombstone, so erased differs from never-had). */
export interface StoredKey {
  personId: string;
  key: WrappedKey | null;
  erasedAt: string | null;
}

/** Where wrapped data keys live; never beside the events they open. */
export interface KeyStore {
  get(personId: string): Promise<StoredKey | null>;
  /** Stores a new key; does nothing if the person already has one (first writer wins). */
  insert(personId: string, key: WrappedKey): Promise<void>;
  /** Replaces a live key's wrapping (master-key rotation). */
  rewrap(personId: string, key: WrappedKey): Promise<void>;
  /** Destroys the wrapped key for good and keeps a tombstone. */
  erase(personId: string, at: string): Promise<void>;
  /** Every live key, for rotation. */
  live(): AsyncIterable<StoredKey>;
  getCanary(): Promise<WrappedKey | null>;
  setCanary(key: WrappedKey): Promise<void>;
  close(): Promise<void>;
}

/** Keys in memory: for tests. */
export function getInMemoryKeyStore(): KeyStore {
  const keys = new Map<string, StoredKey>();
  let canary: WrappedKey | null = null;
  return {
    async get(personId) {
      return keys.get(personId) ?? null;
    },
    async insert(personId, key) {
      if (!keys.has(personId)) keys.set(personId, { personId, key, erasedAt: null });
    },
    async rewrap(personId, key) {
      const stored = keys.get(personId);
      if (stored?.key) keys.set(personId, { ...stored, key });
    },
    async erase(personId, at) {
      keys.set(personId, { personId, key: null, erasedAt: at });
    },
    async *live() {
      for (const stored of [...keys.values()]) if (stored.key) yield stored;
    },
    async getCanary() {
      return canary;
    },
    async setCanary(key) {
      canary = key;
    },
    async close() {},
  };
}
