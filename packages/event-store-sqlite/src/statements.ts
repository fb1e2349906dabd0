import type Database from 'better-sqlite3';

/** Every statement the store runs, prepared once per connection. */
export function prepareStatements(db: Database.Database) {
  return {
    streamHead: db.prepare<[string], { revision: number; hash: string }>(
      'SELECT revision, hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
    ),
    insertEvent: db.prepare<[string, number, string, string, string, string, string]>(
      'INSERT INTO events (stream, revision, id, type, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    eventById: db.prepare<[string], { stream: string; revision: number }>(
      'SELECT stream, revision FROM events WHERE id = ?',
    ),
    idAt: db.prepare<[string, number], { id: string; position: number }>(
      'SELECT id, position FROM events WHERE stream = ? AND revision = ?',
    ),
    forwards: db
      .prepare<[string, number, number, number]>(
        `SELECT position, prev_hash, hash, body, revision FROM events
          WHERE stream = ? AND revision >= ? AND revision <= ? ORDER BY revision LIMIT ?`,
      )
      .raw(true),
    backwards: db
      .prepare<[string, number, number, number]>(
        `SELECT position, prev_hash, hash, body, revision FROM events
          WHERE stream = ? AND revision <= ? AND revision >= ? ORDER BY revision DESC LIMIT ?`,
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

/** A row as the read statements return it: position, prev_hash, hash, body (stream reads add revision). */
export type EventRow = [number, string, string, string, number?];
