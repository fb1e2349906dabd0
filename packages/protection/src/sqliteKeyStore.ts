import Database from 'better-sqlite3';
import { errorData, startWriterThread } from '@dacxa/writer-thread';
import { createKeyWrites, type KeyWrite } from './keyWrites.js';
import type { KeyStore, StoredKey } from './keyStore.js';
import type { WrappedKey } from './masterKeys.js';

interface Row {
  person_id: string;
  key_id: string | null;
  wrapped: Buffer | null;
  erased_at: string | null;
}

const toStored = (row: Row): StoredKey => ({
  personId: row.person_id,
  key: row.key_id && row.wrapped ? { keyId: row.key_id, wrapped: row.wrapped } : null,
  erasedAt: row.erased_at,
});

export interface SqliteKeyStoreOptions {
  /**
   * Commit on a writer thread of its own (false by default; `dacxa serve` turns it on): each new
   * person's key is fsynced there, not on the thread serving requests.
   */
  writerThread?: boolean;
}

/** Where the key file's writes run: batched per turn here, or on the writer thread. */
function writerFor(db: Database.Database, path: string, options: SqliteKeyStoreOptions) {
  if (options.writerThread) {
    const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
    const thread = startWriterThread<KeyWrite, null>({
      entry: new URL(`./writer/keyWorker.${ext}`, import.meta.url),
      workerData: { path },
      decodeError: (data) => Object.assign(new Error(errorData(data).message), data as object),
    });
    return { write: async (w: KeyWrite) => void (await thread.call(w)), close: () => thread.close() };
  }
  const writes = createKeyWrites(db);
  let pending: Array<{ write: KeyWrite; resolve(): void; reject(error: unknown): void }> = [];
  const flush = (): void => {
    const batch = pending;
    pending = [];
    let errors: unknown[];
    try {
      errors = writes.group(batch.map((p) => p.write));
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => (errors[i] ? item.reject(errors[i]) : item.resolve()));
  };
  return {
    write: (write: KeyWrite) =>
      new Promise<void>((resolve, reject) => {
        pending.push({ write, resolve, reject });
        if (pending.length === 1) setImmediate(flush);
      }),
    close: async () => {
      if (pending.length > 0) flush();
    },
  };
}

/**
 * Wrapped data keys in their own SQLite file. secure_delete overwrites erased keys' bytes in the
 * file, so an erased key cannot be recovered from free pages.
 */
export function getSqliteKeyStore(path: string, options: SqliteKeyStoreOptions = {}): KeyStore {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.exec(`CREATE TABLE IF NOT EXISTS person_keys (
             person_id TEXT PRIMARY KEY, key_id TEXT, wrapped BLOB, erased_at TEXT) WITHOUT ROWID;
           CREATE TABLE IF NOT EXISTS canary (id INTEGER PRIMARY KEY CHECK (id = 1), key_id TEXT NOT NULL, wrapped BLOB NOT NULL);`);
  const get = db.prepare<[string], Row>('SELECT * FROM person_keys WHERE person_id = ?');
  const live = db.prepare<[string, number], Row>(
    'SELECT * FROM person_keys WHERE wrapped IS NOT NULL AND person_id > ? ORDER BY person_id LIMIT ?',
  );
  const getCanary = db.prepare<[], { key_id: string; wrapped: Buffer }>(
    'SELECT key_id, wrapped FROM canary WHERE id = 1',
  );
  const writer = writerFor(db, path, options);
  return {
    async get(personId) {
      const row = get.get(personId);
      return row ? toStored(row) : null;
    },
    insert: (personId, key: WrappedKey) =>
      writer.write({ op: 'insert', personId, keyId: key.keyId, wrapped: key.wrapped }),
    rewrap: (personId, key) =>
      writer.write({ op: 'rewrap', personId, keyId: key.keyId, wrapped: key.wrapped }),
    erase: (personId, at) => writer.write({ op: 'erase', personId, at }),
    async *live() {
      for (let after = ''; ;) {
        const rows = live.all(after, 500);
        for (const row of rows) yield toStored(row);
        if (rows.length < 500) return;
        after = (rows.at(-1) as Row).person_id;
      }
    },
    async getCanary() {
      const row = getCanary.get();
      return row ? { keyId: row.key_id, wrapped: row.wrapped } : null;
    },
    setCanary: (key) => writer.write({ op: 'canary', keyId: key.keyId, wrapped: key.wrapped }),
    async close() {
      await writer.close();
      db.close();
    },
  };
}
