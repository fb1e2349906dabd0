import Database from 'better-sqlite3';
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

/**
 * Wrapped data keys in their own SQLite file. secure_delete overwrites erased keys' bytes in the
 * file, so an erased key cannot be recovered from free pages.
 */
export function getSqliteKeyStore(path: string): KeyStore {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.exec(`CREATE TABLE IF NOT EXISTS person_keys (
             person_id TEXT PRIMARY KEY, key_id TEXT, wrapped BLOB, erased_at TEXT) WITHOUT ROWID;
           CREATE TABLE IF NOT EXISTS canary (id INTEGER PRIMARY KEY CHECK (id = 1), key_id TEXT NOT NULL, wrapped BLOB NOT NULL);`);
  const get = db.prepare<[string], Row>('SELECT * FROM person_keys WHERE person_id = ?');
  const insert = db.prepare(
    'INSERT OR IGNORE INTO person_keys (person_id, key_id, wrapped) VALUES (?, ?, ?)',
  );
  const rewrap = db.prepare(
    'UPDATE person_keys SET key_id = ?, wrapped = ? WHERE person_id = ? AND wrapped IS NOT NULL',
  );
  const erase = db.prepare(
    `INSERT INTO person_keys (person_id, key_id, wrapped, erased_at) VALUES (?, NULL, NULL, ?)
     ON CONFLICT (person_id) DO UPDATE SET key_id = NULL, wrapped = NULL, erased_at = excluded.erased_at`,
  );
  const live = db.prepare<[string, number], Row>(
    'SELECT * FROM person_keys WHERE wrapped IS NOT NULL AND person_id > ? ORDER BY person_id LIMIT ?',
  );
  const getCanary = db.prepare<[], { key_id: string; wrapped: Buffer }>(
    'SELECT key_id, wrapped FROM canary WHERE id = 1',
  );
  const setCanary = db.prepare('INSERT OR REPLACE INTO canary (id, key_id, wrapped) VALUES (1, ?, ?)');
  // Keys created in the same turn of the event loop share one transaction and one fsync: with
  // synchronous=FULL each commit blocks the loop, and every new person needs a key.
  let pending: Array<{ personId: string; key: WrappedKey; resolve(): void; reject(error: unknown): void }> =
    [];
  const insertAll = db.transaction((batch: typeof pending) => {
    for (const { personId, key } of batch) insert.run(personId, key.keyId, key.wrapped);
  });
  function flushInserts(): void {
    const batch = pending;
    pending = [];
    try {
      insertAll(batch);
      for (const item of batch) item.resolve();
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  }
  return {
    async get(personId) {
      const row = get.get(personId);
      return row ? toStored(row) : null;
    },
    insert(personId, key: WrappedKey) {
      return new Promise<void>((resolve, reject) => {
        pending.push({ personId, key, resolve, reject });
        if (pending.length === 1) setImmediate(flushInserts);
      });
    },
    async rewrap(personId, key) {
      rewrap.run(key.keyId, key.wrapped, personId);
    },
    async erase(personId, at) {
      erase.run(personId, at);
      // Free pages are overwritten by secure_delete; the WAL copy goes at the checkpoint.
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
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
    async setCanary(key) {
      setCanary.run(key.keyId, key.wrapped);
    },
    async close() {
      if (pending.length > 0) flushInserts();
      db.close();
    },
  };
}
