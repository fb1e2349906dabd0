import type Database from 'better-sqlite3';
import { savepointGroup } from '@dacxa/writer-thread';

/** A write to the key file, as data: it runs on this thread or crosses to the writer thread. */
export type KeyWrite =
  | { op: 'insert'; personId: string; keyId: string; wrapped: Uint8Array }
  | { op: 'rewrap'; personId: string; keyId: string; wrapped: Uint8Array }
  | { op: 'erase'; personId: string; at: string }
  | { op: 'canary'; keyId: string; wrapped: Uint8Array };

/** The key file's writes on one connection. */
export function createKeyWrites(db: Database.Database) {
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
  const setCanary = db.prepare('INSERT OR REPLACE INTO canary (id, key_id, wrapped) VALUES (1, ?, ?)');
  const apply = (write: KeyWrite): void => {
    if (write.op === 'insert') insert.run(write.personId, write.keyId, Buffer.from(write.wrapped));
    else if (write.op === 'rewrap') rewrap.run(write.keyId, Buffer.from(write.wrapped), write.personId);
    else if (write.op === 'erase') erase.run(write.personId, write.at);
    else setCanary.run(write.keyId, Buffer.from(write.wrapped));
  };
  // Writes that arrive together share one transaction and one fsync (synchronous=FULL): every new
  // person needs a key. Each fails alone, in its own savepoint.
  const { group } = savepointGroup(db, apply);
  const erased = (writes: readonly KeyWrite[]): void => {
    // Free pages are overwritten by secure_delete; the WAL's copy goes at this checkpoint.
    if (writes.some((w) => w.op === 'erase')) db.pragma('wal_checkpoint(TRUNCATE)');
  };
  return {
    group(writes: KeyWrite[]): unknown[] {
      const errors = group(writes);
      erased(writes);
      return errors;
    },
  };
}
