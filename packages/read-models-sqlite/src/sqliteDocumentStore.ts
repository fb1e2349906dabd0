import Database from 'better-sqlite3';
import {
  decodeCursor,
  encodeCursor,
  fieldOf,
  type Commit,
  type Doc,
  type DocumentStore,
  type Page,
  type ProjectionState,
  type Query,
  type StoredDoc,
} from '@dacxa/read-models';
import { afterClause, columnOf, whereClause } from './sqlBuilder.js';

const NAME = /^[a-z][a-z0-9_]*$/;
const table = (collection: string): string => {
  if (!NAME.test(collection)) throw new Error(`invalid collection name: ${collection}`);
  return `"rm_${collection}"`;
};

export interface SqliteDocumentStoreOptions {
  path: string;
  /** FULL by default, like the event store; read models can be rebuilt, so NORMAL is reasonable too. */
  synchronous?: 'FULL' | 'NORMAL';
}

/** JSON documents in SQLite, one table per physical collection, indexed fields as generated columns. */
export function getSqliteDocumentStore(options: SqliteDocumentStoreOptions): DocumentStore {
  const db = new Database(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  db.exec(`CREATE TABLE IF NOT EXISTS rm_collections (name TEXT PRIMARY KEY, indexes TEXT NOT NULL);
           CREATE TABLE IF NOT EXISTS rm_projections (name TEXT PRIMARY KEY, state TEXT NOT NULL);`);
  const indexedFields = new Map<string, Set<string>>();
  for (const row of db.prepare<[], { name: string; indexes: string }>('SELECT * FROM rm_collections').all()) {
    indexedFields.set(row.name, new Set(JSON.parse(row.indexes) as string[]));
  }
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const indexed = (collection: string): Set<string> => {
    const found = indexedFields.get(collection);
    if (!found) throw new Error(`unknown collection ${collection}`);
    return found;
  };
  const toStored = (row: { id: string; position: string; body: string }): StoredDoc => ({
    id: row.id,
    position: row.position,
    doc: JSON.parse(row.body) as Doc,
  });
  const writeState = (state: ProjectionState): void => {
    prepared('INSERT OR REPLACE INTO rm_projections (name, state) VALUES (?, ?)').run(
      state.name,
      JSON.stringify(state),
    );
  };

  const commitTx = db.transaction(({ writes, state }: Commit) => {
    for (const { collection, id, doc, position } of writes) {
      if (doc === null) prepared(`DELETE FROM ${table(collection)} WHERE id = ?`).run(id);
      else
        prepared(`INSERT OR REPLACE INTO ${table(collection)} (id, position, body) VALUES (?, ?, ?)`).run(
          id,
          position,
          JSON.stringify(doc),
        );
    }
    writeState(state);
  });

  return {
    async ensureCollection(name, indexes, options) {
      if (indexedFields.has(name)) return;
      const t = table(name);
      const columns = indexes.map(
        (f) => `${columnOf(f, new Set([f]))} GENERATED ALWAYS AS (json_extract(body, '$.${f}')) VIRTUAL`,
      );
      db.transaction(() => {
        db.exec(
          `CREATE TABLE IF NOT EXISTS ${t} (id TEXT PRIMARY KEY, position TEXT NOT NULL, body TEXT NOT NULL${columns.map((c) => `, ${c}`).join('')})`,
        );
        prepared('INSERT OR REPLACE INTO rm_collections (name, indexes) VALUES (?, ?)').run(
          name,
          JSON.stringify(indexes),
        );
      })();
      indexedFields.set(name, new Set(indexes));
      if (!options?.deferIndexes) await this.createIndexes(name);
    },
    async createIndexes(name) {
      const t = table(name);
      for (const f of indexed(name)) {
        db.exec(
          `CREATE INDEX IF NOT EXISTS "ix_${name}_${f.replaceAll('.', '__')}" ON ${t} (${columnOf(f, new Set([f]))}, id)`,
        );
      }
    },
    async dropCollection(name) {
      db.transaction(() => {
        db.exec(`DROP TABLE IF EXISTS ${table(name)}`);
        prepared('DELETE FROM rm_collections WHERE name = ?').run(name);
      })();
      indexedFields.delete(name);
      statements.clear();
    },
    async get<D extends Doc>(collection: string, id: string) {
      indexed(collection);
      const row = prepared(`SELECT id, position, body FROM ${table(collection)} WHERE id = ?`).get(id) as
        { id: string; position: string; body: string } | undefined;
      return row ? (toStored(row) as StoredDoc<D>) : null;
    },
    async find<D extends Doc>(collection: string, query: Query = {}) {
      const fields = indexed(collection);
      const where = whereClause(query.where, fields);
      const direction = query.orderBy?.direction ?? 'asc';
      const column = query.orderBy ? columnOf(query.orderBy.field, fields) : null;
      const parts = [where.sql];
      const params = [...where.params];
      if (query.cursor) {
        const mark = decodeCursor(query.cursor);
        const after = afterClause(column, direction, mark.value, mark.id);
        parts.push(after.sql);
        params.push(...after.params);
      }
      const limit = query.limit ?? 100;
      const order = `${column ? `${column} ${direction}, ` : ''}id ${direction}`;
      const rows = prepared(
        `SELECT id, position, body FROM ${table(collection)} WHERE ${parts.join(' AND ')} ORDER BY ${order} LIMIT ?`,
      ).all(...params, limit + 1) as { id: string; position: string; body: string }[];
      const items = rows.slice(0, limit).map(toStored) as StoredDoc<D>[];
      const last = items.at(-1);
      const next =
        rows.length > limit && last
          ? encodeCursor({
              value: query.orderBy ? (fieldOf(last.doc, query.orderBy.field) ?? null) : null,
              id: last.id,
            })
          : null;
      return { items, next } satisfies Page<D>;
    },
    async count(collection, where) {
      const clause = whereClause(where, indexed(collection));
      return (
        prepared(`SELECT count(*) AS n FROM ${table(collection)} WHERE ${clause.sql}`).get(
          ...clause.params,
        ) as { n: number }
      ).n;
    },
    async commit(commit) {
      commitTx(commit);
    },
    async readState(name) {
      const row = prepared('SELECT state FROM rm_projections WHERE name = ?').get(name) as
        { state: string } | undefined;
      return row ? (JSON.parse(row.state) as ProjectionState) : null;
    },
    async writeState(state) {
      writeState(state);
    },
    async close() {
      db.close();
    },
  };
}
