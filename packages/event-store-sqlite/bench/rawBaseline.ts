import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { NewEvent } from '@dacxa/event-store';

/** stream, revision, id, body: prepared before the clock starts, so the baseline is the insert alone. */
export type RawRow = [string, number, string, string];

/** A raw row as large as the envelope dacxa stores for the same event. */
export function rawRow(stream: string, revision: number, event: NewEvent): RawRow {
  const id = uuidv7();
  const body = JSON.stringify({
    ...event,
    id,
    stream,
    revision,
    schemaVersion: 1,
    recordedAt: new Date().toISOString(),
  });
  return [stream, revision, id, body];
}

/**
 * The baseline: better-sqlite3 alone, writing rows of the same size into a table with the same
 * columns and indexes at the same durability, with no validation, canonical JSON or hashing.
 */
export function openRaw(path: string, synchronous: 'FULL' | 'NORMAL' = 'FULL') {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(`CREATE TABLE IF NOT EXISTS events (
     position INTEGER PRIMARY KEY, stream TEXT NOT NULL, revision INTEGER NOT NULL, id TEXT NOT NULL,
     type TEXT NOT NULL, body TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
   CREATE UNIQUE INDEX IF NOT EXISTS raw_by_stream ON events (stream, revision);
   CREATE UNIQUE INDEX IF NOT EXISTS raw_by_id ON events (id);
   CREATE INDEX IF NOT EXISTS raw_by_type ON events (type, position);`);
  const insert = db.prepare(
    'INSERT INTO events (stream, revision, id, type, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const hash = 'f'.repeat(64);
  const insertOne = (row: RawRow): void => {
    insert.run(row[0], row[1], row[2], 'VisitLogged', row[3], hash, hash);
  };
  const insertMany = db.transaction((rows: readonly RawRow[]) => {
    for (const row of rows) insertOne(row);
  });
  const byStream = db.prepare<[string]>('SELECT body FROM events WHERE stream = ? ORDER BY revision').pluck();
  const all = db
    .prepare<[number, number]>(
      'SELECT position, body FROM events WHERE position > ? ORDER BY position LIMIT ?',
    )
    .raw();
  return { db, insertOne, insertMany, byStream, all };
}
