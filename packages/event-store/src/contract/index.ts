import { afterAll, beforeAll, describe } from 'vitest';
import { DEFAULT_MAX_EVENT_BYTES } from '../prepareEvents.js';
import type { EventStore } from '../types.js';
import { appendContract } from './appendContract.js';
import { chainContract } from './chainContract.js';
import type { ContractHarness } from './harness.js';
import { inputContract } from './inputContract.js';
import { lifecycleContract } from './lifecycleContract.js';
import { readContract } from './readContract.js';
import { subscribeContract } from './subscribeContract.js';

export type { ContractHarness } from './harness.js';
export { anEvent, collect, someEvents, uniqueToken } from './harness.js';

/** Registers the event-store contract suite: every adapter runs it unchanged. */
export function runEventStoreContract(name: string, harness: ContractHarness): void {
  describe(`${name}: event store contract`, () => {
    let store: EventStore | undefined;
    beforeAll(async () => {
      store = await harness.open();
    });
    afterAll(async () => {
      await store?.close();
    });
    const current = (): EventStore => {
      if (!store) throw new Error('the contract harness did not open a store');
      return store;
    };
    appendContract(current);
    readContract(current);
    subscribeContract(current);
    chainContract(current);
    inputContract(current, harness.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES);
    lifecycleContract(harness);
  });
}
