import { MongoClient, type Binary } from 'mongodb';
import type { KeyStore, StoredKey } from './keyStore.js';
import type { WrappedKey } from './masterKeys.js';

interface KeyDoc {
  _id: string;
  keyId: string | null;
  wrapped: Binary | null;
  erasedAt: string | null;
}

const toWrapped = (keyId: string | null, wrapped: Binary | null): WrappedKey | null =>
  keyId && wrapped ? { keyId, wrapped: Buffer.from(wrapped.buffer) } : null;
const toStored = (doc: KeyDoc): StoredKey => ({
  personId: doc._id,
  key: toWrapped(doc.keyId, doc.wrapped),
  erasedAt: doc.erasedAt,
});

export interface MongoKeyStoreOptions {
  url: string;
  database: string;
}

/**
 * Wrapped data keys in MongoDB, for deployments whose api instances share one key store. Writes
 * wait for a majority, so a key acknowledged to one instance is never lost to a failover. An
 * erased key's bytes leave the data files when WiredTiger reuses or compacts their pages: run
 * `compact` on `person_keys` after an erasure where the regulator asks for that.
 */
export async function getMongoKeyStore(options: MongoKeyStoreOptions): Promise<KeyStore> {
  const client = await MongoClient.connect(options.url, { writeConcern: { w: 'majority', journal: true } });
  const db = client.db(options.database);
  const keys = db.collection<KeyDoc>('person_keys');
  const meta = db.collection<{ _id: string; keyId: string; wrapped: Binary }>('key_store_meta');
  return {
    async get(personId) {
      const doc = await keys.findOne({ _id: personId });
      return doc ? toStored(doc) : null;
    },
    async insert(personId, key) {
      await keys.updateOne(
        { _id: personId },
        { $setOnInsert: { keyId: key.keyId, wrapped: key.wrapped as unknown as Binary, erasedAt: null } },
        { upsert: true },
      );
    },
    async rewrap(personId, key) {
      await keys.updateOne(
        { _id: personId, wrapped: { $ne: null } },
        { $set: { keyId: key.keyId, wrapped: key.wrapped as unknown as Binary } },
      );
    },
    async erase(personId, at) {
      await keys.updateOne(
        { _id: personId },
        { $set: { keyId: null, wrapped: null, erasedAt: at } },
        { upsert: true },
      );
    },
    async *live() {
      for await (const doc of keys.find({ wrapped: { $ne: null } }).sort({ _id: 1 })) yield toStored(doc);
    },
    async getCanary() {
      const doc = await meta.findOne({ _id: 'canary' });
      return doc ? toWrapped(doc.keyId, doc.wrapped) : null;
    },
    async setCanary(key) {
      await meta.replaceOne(
        { _id: 'canary' },
        { keyId: key.keyId, wrapped: key.wrapped as unknown as Binary },
        { upsert: true },
      );
    },
    async close() {
      await client.close();
    },
  };
}
