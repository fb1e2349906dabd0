import type Database from 'better-sqlite3';

/** Every statement the store runs, prepared once per connection. */
export function prepareStatements(db: Database.Database) {
  return {
    streamHead: db.prepare<[string], { stream_id: number; revision: number; hash: string }>(
      'SELECT stream_id, revision, hash FROM streams WHERE name = ?',
    ),
    insertStream: db.prepare<[string, number, string]>(
      'INSERT INTO streams (name, revision, hash) VALUES (?, ?, ?)',
    ),
    updateStream: db.prepare<[number, string, number]>(
      'UPDATE streams SET revision = ?, hash = ? WHERE stream_id = ?',
    ),
    insertEvent: db.prepare<[number, number, string, string, string, string, string]>(
      'INSERT INTO events (stream_id, revision, id, type, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    eventById: db.prepare<[string], { position: number; stream_id: number; revision: number }>(
      'SELECT position, stream_id, revision FROM events WHERE id = ?',
    ),
    idAt: db.prepare<[number, number], { id: string; position: number }>(
      'SELECT id, position FROM events WHERE stream_id = ? AND revision = ?',
    ),
    forwards: db
      .prepare<[number, number, number, number]>(
        `SELECT position, prev_hash, hash, body FROM events
          WHERE stream_id = ? AND revision >= ? AND revision <= ? ORDER BY revision LIMIT ?`,
      )
      .raw(true),
    backwards: db
      .prepare<[number, number, number, number]>(
        `SELECT position, prev_hash, hash, body FROM events
          WHERE stream_id = ? AND revision <= ? AND revision >= ? ORDER BY revision DESC LIMIT ?`,
      )
      .raw(true),
    all: db
      .prepare<[number, number]>(
        'SELECT position, prev_hash, hash, body FROM events WHERE position > ? ORDER BY position LIMIT ?',
      )
      .raw(true),
    headPosition: db.prepare<[], { position: number | null }>('SELECT max(position) AS position FROM events'),
  };
}

/** The prepared statements of one connection. */
export type Statements = ReturnType<typeof prepareStatements>;

/** A row as the read statements return it: position, prev_hash, hash, body. */
export type EventRow = [number, string, string, string];
