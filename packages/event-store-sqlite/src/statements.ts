import type Database from 'better-sqlite3';

/** Every column a read takes from a row; each is checked against the hashed envelope (readRows.ts). */
const ROW = 'position, prev_hash, hash, body, stream, revision, id, type';

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
        `SELECT ${ROW} FROM events
          WHERE stream = ? AND revision >= ? AND revision <= ? ORDER BY revision LIMIT ?`,
      )
      .raw(true),
    backwards: db
      .prepare<[string, number, number, number]>(
        `SELECT ${ROW} FROM events
          WHERE stream = ? AND revision <= ? AND revision >= ? ORDER BY revision DESC LIMIT ?`,
      )
      .raw(true),
    all: db
      .prepare<[number, number]>(`SELECT ${ROW} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
      .raw(true),
    headPosition: db.prepare<[], { position: number | null }>('SELECT max(position) AS position FROM events'),
    // The checks that positions run 1, 2, 3… (positionRun.ts).
    lowestPosition: db.prepare<[], { position: number | null }>(
      'SELECT min(position) AS position FROM events',
    ),
    // count(*) of the whole table reads the smallest index, not the rows: ~30 ms for 1,000,000.
    rowCount: db.prepare<[], { rows: number }>('SELECT count(*) AS rows FROM events'),
    rowsBelowOne: db.prepare<[], { rows: number }>('SELECT count(*) AS rows FROM events WHERE position < 1'),
    rowsAfter: db.prepare<[number], { rows: number; highest: number | null }>(
      'SELECT count(*) AS rows, max(position) AS highest FROM events WHERE position > ?',
    ),
    positionsAfter: db
      .prepare<[number], number>('SELECT position FROM events WHERE position > ? ORDER BY position')
      .pluck(true),
  };
}

/** The prepared statements of one connection. */
export type Statements = ReturnType<typeof prepareStatements>;

/** A row as the read statements return it, in the order of `ROW`. */
export type EventRow = [
  position: number,
  prevHash: string,
  hash: string,
  body: string,
  stream: string,
  revision: number,
  id: string,
  type: string,
];
