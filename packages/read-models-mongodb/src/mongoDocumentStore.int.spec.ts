import { randomBytes } from 'node:crypto';
import { describe, inject, it } from 'vitest';
import { runDocumentStoreContract } from '@dacxa/read-models/contract';
import { getMongoDocumentStore } from './mongoDocumentStore.js';

const url = inject('mongoUrl');

if (url) {
  runDocumentStoreContract('mongodb', {
    open: () => getMongoDocumentStore({ url, database: `dacxa_${randomBytes(4).toString('hex')}` }),
  });
} else {
  describe(`mongodb: document store contract (skipped: ${inject('containerRuntimeMissing')})`, () => {
    it.skip('runs the whole contract against a real MongoDB replica set started by testcontainers', () =>
      undefined);
  });
}
