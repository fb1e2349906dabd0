import { randomBytes } from 'node:crypto';
import { describe, inject, it } from 'vitest';
import { runKeyStoreContract } from './contract/keyStoreContract.js';
import { getMongoKeyStore } from './mongoKeyStore.js';

const url = inject('mongoUrl');

if (url) {
  runKeyStoreContract('mongodb', () =>
    getMongoKeyStore({ url, database: `dacxa_keys_${randomBytes(4).toString('hex')}` }),
  );
} else {
  describe(`mongodb: key store contract (skipped: ${inject('containerRuntimeMissing')})`, () => {
    it.skip('runs the whole contract against a real MongoDB replica set started by testcontainers', () =>
      undefined);
  });
}
