/** The embedded default document store and its options. */
export { getSqliteDocumentStore, type SqliteDocumentStoreOptions } from './sqliteDocumentStore.js';
