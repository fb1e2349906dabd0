/** The document-store port and its types. */
export {
  physicalName,
  type Commit,
  type Condition,
  type Doc,
  type DocumentStore,
  type Page,
  type ProjectionState,
  type Query,
  type StoredDoc,
} from './types.js';
/** Query helpers shared by adapters: field access, conditions, cursors, ordering. */
export { compare, decodeCursor, encodeCursor, fieldOf, matches, type CursorMark } from './query.js';
/** The in-memory document store, and the page selection adapters can reuse. */
export { getInMemoryDocumentStore, selectPage } from './inMemoryDocumentStore.js';
