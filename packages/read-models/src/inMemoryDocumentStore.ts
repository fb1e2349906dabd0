import { compare, decodeCursor, encodeCursor, fieldOf, matches } from './query.js';
import type { Commit, Doc, DocumentStore, Page, ProjectionState, Query, StoredDoc } from './types.js';

const DEFAULT_LIMIT = 100;

/** The page of `docs` a query selects, shared by adapters that filter in memory. */
export function selectPage<D extends Doc>(docs: Iterable<StoredDoc<D>>, query: Query = {}): Page<D> {
  const where = Object.entries(query.where ?? {});
  const sorted = [...docs]
    .filter((d) => where.every(([field, c]) => matches(fieldOf(d.doc, field), c)))
    .sort((a, b) => compare(a, b, query));
  let start = 0;
  if (query.cursor) {
    const mark = decodeCursor(query.cursor);
    const pivot: StoredDoc = {
      id: mark.id,
      position: '0',
      doc: query.orderBy ? { [query.orderBy.field]: mark.value } : {},
    };
    // Nested fields are flattened into one key for the pivot; compare reads them the same way.
    const field = query.orderBy?.field;
    if (field?.includes('.'))
      pivot.doc = field.split('.').reduceRight<Doc>((inner, part) => ({ [part]: inner }), mark.value as Doc);
    start = sorted.findIndex((d) => compare(d, pivot, query) > 0);
    if (start < 0) start = sorted.length;
  }
  const limit = query.limit ?? DEFAULT_LIMIT;
  const items = sorted.slice(start, start + limit);
  const last = items.at(-1);
  const more = start + limit < sorted.length;
  const next =
    more && last
      ? encodeCursor({
          value: query.orderBy ? (fieldOf(last.doc, query.orderBy.field) ?? null) : null,
          id: last.id,
        })
      : null;
  return { items, next };
}

/** Documents in memory: for tests, and the reference the contract suite holds others to. */
export function getInMemoryDocumentStore(): DocumentStore {
  const collections = new Map<string, Map<string, StoredDoc>>();
  const states = new Map<string, ProjectionState>();
  const copy = <T>(value: T): T => structuredClone(value);
  const collection = (name: string): Map<string, StoredDoc> => {
    const found = collections.get(name);
    if (!found) throw new Error(`unknown collection ${name}`);
    return found;
  };
  return {
    async ensureCollection(name) {
      if (!collections.has(name)) collections.set(name, new Map());
    },
    async createIndexes() {},
    async dropCollection(name) {
      collections.delete(name);
    },
    async get<D extends Doc>(name: string, id: string) {
      const found = collection(name).get(id);
      return found ? (copy(found) as StoredDoc<D>) : null;
    },
    async find<D extends Doc>(name: string, query?: Query) {
      return copy(selectPage(collection(name).values(), query)) as Page<D>;
    },
    async count(name, where) {
      return selectPage(collection(name).values(), {
        ...(where ? { where } : {}),
        limit: Number.MAX_SAFE_INTEGER,
      }).items.length;
    },
    async commit({ writes, state }: Commit) {
      for (const w of writes) collection(w.collection);
      for (const { collection: name, id, doc, position } of writes) {
        if (doc === null) collection(name).delete(id);
        else collection(name).set(id, { id, position, doc: copy(doc) });
      }
      states.set(state.name, copy(state));
    },
    async readState(name) {
      const state = states.get(name);
      return state ? copy(state) : null;
    },
    async writeState(state) {
      states.set(state.name, copy(state));
    },
    async close() {},
  };
}
