import type Database from 'better-sqlite3';
import { savepointGroup } from '@dacxa/writer-thread';
import { columnOf } from './sqlBuilder.js';

const NAME = /^[a-z][a-z0-9_]*$/;
export const table = (collection: string): string => {
  if (!NAME.test(collection)) throw new Error(`invalid collection name: ${collection}`);
  return `"rm_${collection}"`;
};

/** A write to the views file, as data: it runs on this thread or crosses to the writer thread. */
export type DocumentWrite =
  | {
      op: 'commit';
      /** Bodies already JSON (null deletes): serialised where the documents are, sent as text. */
      writes: ReadonlyArray<{ collection: string; id: string; body: string | null; position: string }>;
      name: string;
      state: string;
    }
  | { op: 'state'; name: string; state: string }
  | { op: 'ensure'; name: string; indexes: readonly string[] }
  | { op: 'indexes'; name: string; indexes: readonly string[] }
  | { op: 'drop'; name: string };

/** The views file's writes on one connection. */
export function createDocumentWrites(db: Database.Database) {
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const writeState = (name: string, state: string): void => {
    prepared('INSERT OR REPLACE INTO rm_projections (name, state) VALUES (?, ?)').run(name, state);
  };
  const apply = (write: DocumentWrite): void => {
    switch (write.op) {
      case 'commit':
        for (const { collection, id, body, position } of write.writes) {
          if (body === null) prepared(`DELETE FROM ${table(collection)} WHERE id = ?`).run(id);
          else
            prepared(`INSERT OR REPLACE INTO ${table(collection)} (id, position, body) VALUES (?, ?, ?)`).run(
              id,
              position,
              body,
            );
        }
        return writeState(write.name, write.state);
      case 'state':
        return writeState(write.name, write.state);
      case 'ensure': {
        const columns = write.indexes.map(
          (f) => `${columnOf(f, new Set([f]))} GENERATED ALWAYS AS (json_extract(body, '$.${f}')) VIRTUAL`,
        );
        db.exec(
          `CREATE TABLE IF NOT EXISTS ${table(write.name)} (id TEXT PRIMARY KEY, position TEXT NOT NULL, body TEXT NOT NULL${columns.map((c) => `, ${c}`).join('')})`,
        );
        prepared('INSERT OR REPLACE INTO rm_collections (name, indexes) VALUES (?, ?)').run(
          write.name,
          JSON.stringify(write.indexes),
        );
        return;
      }
      case 'indexes':
        for (const f of write.indexes)
          db.exec(
            `CREATE INDEX IF NOT EXISTS "ix_${write.name}_${f.replaceAll('.', '__')}" ON ${table(write.name)} (${columnOf(f, new Set([f]))}, id)`,
          );
        return;
      case 'drop':
        db.exec(`DROP TABLE IF EXISTS ${table(write.name)}`);
        prepared('DELETE FROM rm_collections WHERE name = ?').run(write.name);
        // Statements on a dropped table cannot be reused.
        statements.clear();
        return;
    }
  };
  // Each write alone (a savepoint inside the group's transaction); the group commits once.
  return savepointGroup(db, apply);
}
