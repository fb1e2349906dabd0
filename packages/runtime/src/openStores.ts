import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { EventStore } from '@dacxa/event-store';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import {
  createDataKeys,
  createSealer,
  generateMasterKey,
  getSealingEventStore,
  localMasterKeys,
  parseMasterKeys,
  type DataKeys,
  type KeyStore,
  type Sealer,
} from '@dacxa/protection';
import { getSqliteKeyStore } from '@dacxa/protection/sqlite';
import type { DocumentStore } from '@dacxa/read-models';
import { getSqliteDocumentStore } from '@dacxa/read-models-sqlite';
import type { Config } from './config.js';
import { firstRunFile, ownerOnly } from './firstRunFile.js';

/** A SQLite file made owner-only before it is opened: SQLite gives its -wal and -shm the same mode. */
function ownerOnlyDb(path: string): string {
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) ownerOnly(file);
  return path;
}

/**
 * The master key: from DACXA_MASTER_KEY, or for the embedded default a key generated on first run
 * and kept in the key folder (master.key) (owner-only). A deployment sets the variable or a KMS instead.
 */
function masterKeyText(config: Config): string {
  return config.DACXA_MASTER_KEY ?? firstRunFile(config, 'master.key', () => `k1:${generateMasterKey()}`);
}

/** The stores a dacxa process works on, with personal data sealed before the event store sees it. */
export interface Stores {
  /** The sealing event store: what every command and projection reads and writes. */
  store: EventStore;
  sealer: Sealer;
  keys: DataKeys;
  documents: DocumentStore;
  close(): Promise<void>;
}

// The EventStoreDB and MongoDB adapters (gRPC, protobuf, the MongoDB driver) are loaded only when
// configured: the embedded default starts without them (docs/benchmarks.md, start-up imports).

/** The key store the configuration names: MongoDB beside MongoDB views, else keys.sqlite. */
export async function openKeyStore(config: Config, writerThread = false): Promise<KeyStore> {
  if (config.DACXA_READ_STORE !== 'mongodb')
    return getSqliteKeyStore(ownerOnlyDb(join(config.DACXA_DATA_DIR, 'keys.sqlite')), { writerThread });
  const { getMongoKeyStore } = await import('@dacxa/protection/mongodb');
  return getMongoKeyStore({ url: config.DACXA_MONGODB_URL ?? '', database: config.DACXA_MONGODB_DATABASE });
}

async function openEvents(config: Config, writerThread: boolean): Promise<EventStore> {
  if (config.DACXA_EVENT_STORE !== 'esdb')
    return getSqliteEventStore({
      path: ownerOnlyDb(join(config.DACXA_DATA_DIR, 'dacxa.sqlite')),
      writerThread,
    });
  const { getEsdbEventStore } = await import('@dacxa/event-store-esdb');
  return getEsdbEventStore({ connectionString: config.DACXA_ESDB_URL ?? '' });
}

async function openDocuments(config: Config, writerThread: boolean): Promise<DocumentStore> {
  if (config.DACXA_READ_STORE === 'mongodb') {
    const { getMongoDocumentStore } = await import('@dacxa/read-models-mongodb');
    return getMongoDocumentStore({
      url: config.DACXA_MONGODB_URL ?? '',
      database: config.DACXA_MONGODB_DATABASE,
    });
  }
  // Views commit with their checkpoint, so a commit lost to a power cut is projected again from
  // the log: they need no fsync per batch, which would stall every request behind it.
  return getSqliteDocumentStore({
    path: ownerOnlyDb(join(config.DACXA_DATA_DIR, 'views.sqlite')),
    synchronous: 'NORMAL',
    writerThread,
  });
}

/**
 * Opens what the configuration names: the embedded default (three SQLite files under DATA_DIR:
 * events, wrapped keys, views), or EventStoreDB for events and MongoDB for keys and views.
 */
export interface OpenStoresOptions {
  /**
   * Each SQLite file's writes on a writer thread of its own (the embedded default only): what a
   * long-running service wants, so that no commit blocks its requests. One-shot commands skip the
   * threads' start-up.
   */
  writerThreads?: boolean;
}

export async function openStores(
  config: Config,
  logger: Logger,
  { writerThreads = false }: OpenStoresOptions = {},
): Promise<Stores> {
  mkdirSync(config.DACXA_DATA_DIR, { recursive: true, mode: 0o700 });
  const keys = createDataKeys(
    await openKeyStore(config, writerThreads),
    localMasterKeys(parseMasterKeys(masterKeyText(config))),
  );
  try {
    await keys.verifyMasterKey();
  } catch (error) {
    await keys.close();
    throw error;
  }
  const sealer = createSealer(keys);
  const store = getSealingEventStore(await openEvents(config, writerThreads), sealer, logger);
  const documents = await openDocuments(config, writerThreads);
  return {
    store,
    sealer,
    keys,
    documents,
    async close(): Promise<void> {
      await documents.close();
      await store.close();
      await keys.close();
    },
  };
}
