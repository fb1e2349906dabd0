import { describe, inject, it } from 'vitest';
import { runEventStoreContract } from '@dacxa/event-store/contract';
import { getEsdbEventStore } from './esdbEventStore.js';

const connectionString = inject('esdbConnectionString');

if (connectionString) {
  runEventStoreContract('eventstoredb', {
    open: () => Promise.resolve(getEsdbEventStore({ connectionString })),
  });
} else {
  describe(`eventstoredb: event store contract (skipped: ${inject('containerRuntimeMissing')})`, () => {
    it.skip('runs the whole contract against a real EventStoreDB started by testcontainers', () => undefined);
  });
}
