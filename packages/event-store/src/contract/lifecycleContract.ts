import { describe, expect, it } from 'vitest';
import { StoreClosedError } from '../errors.js';
import type { ContractHarness } from './harness.js';
import { collect, someEvents, uniqueToken } from './harness.js';

/** What a closed store does: refuses everything with a typed error, and ends live subscriptions. */
export function lifecycleContract(harness: ContractHarness): void {
  describe('close', () => {
    it('ends a live subscription and refuses every later call with ERR_STORE_CLOSED', async () => {
      const store = await harness.open();
      const stream = `case-${uniqueToken()}`;
      await store.append(stream, someEvents(1));
      const subscription = (async () => {
        for await (const event of store.subscribe({ after: (await store.headPosition()) ?? 0n })) void event;
        return 'ended';
      })();
      await new Promise((r) => setTimeout(r, 20));
      await store.close();
      await expect(subscription).resolves.toBe('ended');
      await expect(store.append(stream, someEvents(1))).rejects.toBeInstanceOf(StoreClosedError);
      await expect(collect(store.readStream(stream))).rejects.toMatchObject({ code: 'ERR_STORE_CLOSED' });
      await expect(collect(store.readAll())).rejects.toMatchObject({ code: 'ERR_STORE_CLOSED' });
      await expect(store.headRevision(stream)).rejects.toMatchObject({ code: 'ERR_STORE_CLOSED' });
      await expect(store.close()).resolves.toBeUndefined();
    });
  });
}
