import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getInMemoryEventStore, type RecordedEvent } from '@dacxa/event-store';
import { createDataKeys } from './dataKeys.js';
import { getInMemoryKeyStore, type KeyStore } from './keyStore.js';
import { localMasterKeys } from './masterKeys.js';
import { rotateMasterKey } from './rotateMasterKey.js';

const OLD = { id: 'k1', key: randomBytes(32) };
const NEW = { id: 'k2', key: randomBytes(32) };
const metadata = { actor: 'van-hanh', role: 'admin', unit: 'he-thong' };
const now = () => new Date('2025-11-03T02:00:00Z');

async function typesOf(store: ReturnType<typeof getInMemoryEventStore>): Promise<string[]> {
  const out: RecordedEvent[] = [];
  for await (const e of store.readStream('keys-master')) out.push(e);
  return out.map((e) => e.type);
}

describe('rotateMasterKey', () => {
  it('finishes an interrupted rotation when run again, and records it once begun, once ended', async () => {
    const keyStore = getInMemoryKeyStore();
    const before = createDataKeys(keyStore, localMasterKeys([OLD]));
    await before.verifyMasterKey();
    for (let i = 0; i < 5; i++) await before.keyFor(`0192f5c4-0000-7000-8000-00000000000${i}`);
    const store = getInMemoryEventStore();
    // The third re-wrap fails, as a crash would.
    let calls = 0;
    const failing: KeyStore = {
      ...keyStore,
      async rewrap(personId, key) {
        if (++calls === 3) throw new Error('mất điện');
        await keyStore.rewrap(personId, key);
      },
    };
    const both = localMasterKeys([NEW, OLD]);
    await expect(
      rotateMasterKey(store, createDataKeys(failing, both), { toKeyId: 'k2', metadata, now }),
    ).rejects.toThrow('mất điện');
    expect(await typesOf(store)).toEqual(['MasterKeyRotationStarted']);
    const progress: string[] = [];
    const result = await rotateMasterKey(
      store,
      createDataKeys(keyStore, both),
      { toKeyId: 'k2', metadata, now },
      (d, t) => progress.push(`${d}/${t}`),
    );
    expect(result).toEqual({ rewrapped: 3, resumed: true });
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
    expect(await typesOf(store)).toEqual(['MasterKeyRotationStarted', 'MasterKeyRotated']);
    // The new key alone opens every key and the canary; the old alone opens nothing.
    const after = createDataKeys(keyStore, localMasterKeys([NEW]));
    await after.verifyMasterKey();
    expect((await after.lookup('0192f5c4-0000-7000-8000-000000000004')).kind).toBe('key');
    await expect(createDataKeys(keyStore, localMasterKeys([OLD])).verifyMasterKey()).rejects.toThrow(/k2/);
  });
});
