import {
  MongoClient,
  MongoServerError,
  type AnyBulkWriteOperation,
  type ClientSession,
  type Db,
} from 'mongodb';
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
import { afterFilter, docField, positionKey, toFilter, type MongoDoc } from './mongoQuery.js';

export interface MongoDocumentStoreOptions {
  url: string;
  database: string;
}

const DUPLICATE_KEY = 11000;
const toStored = (d: MongoDoc): StoredDoc => ({ id: d._id, position: d.position, doc: d.doc });

/**
 * View documents in MongoDB. On a replica set a batch commits in one transaction; on a standalone
 * server every write is keyed by position, so replaying a batch after a crash changes nothing.
 */
export async function getMongoDocumentStore(options: MongoDocumentStoreOptions): Promise<DocumentStore> {
  const client = await new MongoClient(options.url).connect();
  const db: Db = client.db(options.database);
  const hello = await db.admin().command({ hello: 1 });
  const transactions = typeof hello.setName === 'string';
  const states = db.collection<{ _id: string; state: ProjectionState }>('rm_projections');
  const docs = (name: string) => db.collection<MongoDoc>(`rm_${name}`);
  const declared = new Map<string, readonly string[]>();
  const createIndexes = async (name: string): Promise<void> => {
    for (const field of declared.get(name) ?? [])
      await docs(name).createIndex({ [docField(field)]: 1, _id: 1 });
  };

  function operations(commit: Commit): Map<string, AnyBulkWriteOperation<MongoDoc>[]> {
    const byCollection = new Map<string, AnyBulkWriteOperation<MongoDoc>[]>();
    for (const { collection, id, doc, position } of commit.writes) {
      const key = positionKey(position);
      // Only a newer position may overwrite: replaying an old batch matches nothing and inserts a duplicate id, which is ignored.
      const newer = { _id: id, positionKey: { $lt: key } };
      const op: AnyBulkWriteOperation<MongoDoc> =
        doc === null
          ? { deleteOne: { filter: { _id: id, positionKey: { $lte: key } } } }
          : {
              replaceOne: {
                filter: newer,
                replacement: { position, positionKey: key, doc },
                upsert: true,
              },
            };
      byCollection.set(collection, [...(byCollection.get(collection) ?? []), op]);
    }
    return byCollection;
  }

  async function write(commit: Commit, session?: ClientSession): Promise<void> {
    for (const [collection, ops] of operations(commit)) {
      try {
        await docs(collection).bulkWrite(ops, { ordered: false, ...(session ? { session } : {}) });
      } catch (error) {
        const duplicatesOnly =
          error instanceof MongoServerError &&
          (error.writeErrors as Array<{ code: number }> | undefined)?.every((e) => e.code === DUPLICATE_KEY);
        if (!duplicatesOnly || session) throw error;
      }
    }
    await states.replaceOne(
      { _id: commit.state.name },
      { state: commit.state },
      { upsert: true, ...(session ? { session } : {}) },
    );
  }

  return {
    async ensureCollection(name, indexes, options) {
      declared.set(name, indexes);
      await docs(name).createIndex({ positionKey: 1 });
      if (!options?.deferIndexes) await createIndexes(name);
    },
    createIndexes,
    async dropCollection(name) {
      await docs(name)
        .drop()
        .catch(() => undefined);
    },
    async get<D extends Doc>(collection: string, id: string) {
      const found = await docs(collection).findOne({ _id: id });
      return found ? (toStored(found) as StoredDoc<D>) : null;
    },
    async find<D extends Doc>(collection: string, query: Query = {}) {
      const direction = query.orderBy?.direction ?? 'asc';
      const field = query.orderBy?.field ?? null;
      const filters = [toFilter(query.where)];
      if (query.cursor) {
        const mark = decodeCursor(query.cursor);
        filters.push(afterFilter(field, direction, mark.value, mark.id));
      }
      const limit = query.limit ?? 100;
      const sortDir = direction === 'asc' ? 1 : -1;
      const sort: Record<string, 1 | -1> = field
        ? { [docField(field)]: sortDir, _id: sortDir }
        : { _id: sortDir };
      const rows = await docs(collection)
        .find({ $and: filters })
        .sort(sort)
        .limit(limit + 1)
        .toArray();
      const items = rows.slice(0, limit).map(toStored) as StoredDoc<D>[];
      const last = items.at(-1);
      const next =
        rows.length > limit && last
          ? encodeCursor({ value: field ? (fieldOf(last.doc, field) ?? null) : null, id: last.id })
          : null;
      return { items, next } satisfies Page<D>;
    },
    async count(collection, where) {
      return docs(collection).countDocuments(toFilter(where));
    },
    async commit(commit) {
      if (!transactions) return write(commit);
      const session = client.startSession();
      try {
        await session.withTransaction(() => write(commit, session));
      } finally {
        await session.endSession();
      }
    },
    async readState(name) {
      return (await states.findOne({ _id: name }))?.state ?? null;
    },
    async writeState(state) {
      await states.replaceOne({ _id: state.name }, { state }, { upsert: true });
    },
    async close() {
      await client.close();
    },
  };
}
