/** The embedded default event store and its options. */
export {
  getSqliteEventStore,
  type SqliteEventStore,
  type SqliteEventStoreOptions,
} from './sqliteEventStore.js';
/** Counters of group commits. */
export type { CommitMetrics } from './groupCommit.js';
/** The file the ledger keeps its Merkle tree in between runs, beside the event store. */
export { openTreeFile, type TreeFile, type TreeFileChunk, type TreeFileContents } from './treeFile.js';
/** The schema's migrations and the file marker, for tools that inspect a store file. */
export { APPLICATION_ID, MIGRATIONS } from './schema.js';
