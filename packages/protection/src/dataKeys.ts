import { randomBytes, timingSafeEqual } from 'node:crypto';
import { MasterKeyError } from './errors.js';
import type { KeyStore } from './keyStore.js';
import type { MasterKeyProvider } from './masterKeys.js';

const CANARY = Buffer.from('dacxa master key canary v1', 'utf8');
const CACHE_LIMIT = 10_000;

/** A person's data key, or why there is none. */
export type KeyLookup = { kind: 'key'; key: Buffer } | { kind: 'erased' } | { kind: 'none' };

/**
 * Per-person data keys: created on first use, wrapped by the master key, cached unwrapped in
 * memory, destroyed on erasure, re-wrapped on rotation without touching any event.
 */
export function createDataKeys(store: KeyStore, master: MasterKeyProvider) {
  const cache = new Map<string, Buffer>();
  // Erasures made through this process: what anything holding opened data compares to let it go.
  let erasures = 0;
  const remember = (personId: string, key: Buffer): Buffer => {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(personId, key);
    return key;
  };

  async function lookup(personId: string): Promise<KeyLookup> {
    const cached = cache.get(personId);
    if (cached) return { kind: 'key', key: cached };
    const stored = await store.get(personId);
    if (!stored) return { kind: 'none' };
    if (!stored.key) return { kind: 'erased' };
    return { kind: 'key', key: remember(personId, await master.unwrap(stored.key)) };
  }

  return {
    lookup,

    /**
     * Fails start-up with a clear message when the master key is not the one this key store was
     * sealed with, instead of serving redacted data silently. The first run writes the canary.
     */
    async verifyMasterKey(): Promise<void> {
      const canary = await store.getCanary();
      if (!canary) {
        await store.setCanary(await master.wrap(CANARY));
        return;
      }
      const opened = await master.unwrap(canary);
      if (opened.length !== CANARY.length || !timingSafeEqual(opened, CANARY)) {
        throw new MasterKeyError('Khóa chủ không đúng', 'the master key does not open this key store');
      }
    },

    /** The person's data key, created on first use; undefined if their data was erased. */
    async keyFor(personId: string): Promise<Buffer | undefined> {
      const found = await lookup(personId);
      if (found.kind === 'key') return found.key;
      if (found.kind === 'erased') return undefined;
      await store.insert(personId, await master.wrap(randomBytes(32)));
      const created = await lookup(personId);
      return created.kind === 'key' ? created.key : undefined;
    },

    /** Destroys the person's data key: everything sealed under it becomes unreadable for good. */
    async erase(personId: string, at: string): Promise<void> {
      erasures++;
      cache.get(personId)?.fill(0);
      cache.delete(personId);
      await store.erase(personId, at);
    },

    /**
     * How many erasures this process has made: a cache of opened data (the commands' aggregate
     * cache) drops itself when it moves, as this cache drops the erased person's key.
     */
    erasures: (): number => erasures,

    /** Forgets every cached key and closes the key store. */
    async close(): Promise<void> {
      for (const key of cache.values()) key.fill(0);
      cache.clear();
      await store.close();
    },

    /**
     * Re-wraps every live data key (and the canary) under the current master key, telling
     * `onProgress` how many of those still under another key are done. Keys already under the
     * current one are skipped, so a rotation interrupted is finished by running it again.
     */
    async rotate(onProgress?: (done: number, total: number) => void): Promise<{ rewrapped: number }> {
      let total = 0;
      if (onProgress)
        for await (const stored of store.live())
          if (stored.key && stored.key.keyId !== master.currentKeyId) total++;
      let rewrapped = 0;
      for await (const stored of store.live()) {
        if (!stored.key || stored.key.keyId === master.currentKeyId) continue;
        await store.rewrap(stored.personId, await master.wrap(await master.unwrap(stored.key)));
        rewrapped++;
        onProgress?.(rewrapped, Math.max(total, rewrapped));
      }
      const canary = await store.getCanary();
      if (canary && canary.keyId !== master.currentKeyId)
        await store.setCanary(await master.wrap(await master.unwrap(canary)));
      return { rewrapped };
    },
  };
}

/** The data-key service. */
export type DataKeys = ReturnType<typeof createDataKeys>;
