import Database from 'better-sqlite3';
import {
  decodeCursor,
  encodeCursor,
  fieldOf,
  type Doc,
  type DocumentStore,
  type Page,
  type ProjectionState,
  type Query,
  type StoredDoc,
} from '@dacxa/read-models';
import { errorData, startWriterThread } from '@dacxa/writer-thread';
import { createDocumentWrites, table, type DocumentWrite } from './documentWrites.js';
import { afterClause, columnOf, whereClause } from './sqlBuilder.js';

export interface SqliteDocumentStoreOptions {
  path: string;
  /** FULL by default, like the event store; read models can be rebuilt, so NORMAL is reasonable too. */
  synchronous?: 'FULL' | 'NORMAL';
  /**
   * Commit on a writer thread of its own (false by default; `dacxa serve` turns it on): the
   * projections' commits then block that thread, not the one serving requests.
   */
  writerThread?: boolean;
}

/** Where the views file's writes run: here, or on the writer thread (answered once committed). */
function writerFor(db: Database.Database, options: SqliteDocumentStoreOptions) {
  if (!options.writerThread) {
    const writes = createDocumentWrites(db);
    return { write: async (w: DocumentWrite) => writes.one(w), close: () => Promise.resolve() };
  }
  const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  const thread = startWriterThread<DocumentWrite, null>({
    entry: new URL(`./writer/documentWorker.${ext}`, import.meta.url),
    workerData: { path: options.path, synchronous: options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL' },
    decodeError: (data) => Object.assign(new Error(errorData(data).message), data as object),
  });
  return { write: async (w: DocumentWrite) => void (await thread.call(w)), close: () => thread.close() };
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
  const writer = writerFor(db, options);

  return {
    async ensureCollection(name, indexes, options) {
      if (indexedFields.has(name)) return;
      await writer.write({ op: 'ensure', name, indexes });
      indexedFields.set(name, new Set(indexes));
      if (!options?.deferIndexes) await this.createIndexes(name);
    },
    async createIndexes(name) {
      await writer.write({ op: 'indexes', name, indexes: [...indexed(name)] });
    },
    async dropCollection(name) {
      await writer.write({ op: 'drop', name });
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
    async commit({ writes, state }) {
      await writer.write({
        op: 'commit',
        writes: writes.map(({ collection, id, doc, position }) => ({
          collection,
          id,
          position,
          body: doc === null ? null : JSON.stringify(doc),
        })),
        name: state.name,
        state: JSON.stringify(state),
      });
    },
    async readState(name) {
      const row = prepared('SELECT state FROM rm_projections WHERE name = ?').get(name) as
        { state: string } | undefined;
      return row ? (JSON.parse(row.state) as ProjectionState) : null;
    },
    async writeState(state) {
      await writer.write({ op: 'state', name: state.name, state: JSON.stringify(state) });
    },
    async close() {
      await writer.close();
      db.close();
    },
  };
}
