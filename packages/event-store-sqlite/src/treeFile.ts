import Database from 'better-sqlite3';

/** 'dact' in ASCII: marks a SQLite file as a dacxa ledger tree (PRAGMA application_id). */
const TREE_APPLICATION_ID = 0x64616374;
const FORMAT = 1;

/** Part of a level of the ledger's tree, or of its leaves' positions, as the ledger hands it over. */
export interface TreeFileChunk {
  level: number;
  index: number;
  bytes: Uint8Array;
}

/** The tree's size and chunks (all on load, the changed ones on save). */
export interface TreeFileContents {
  size: number;
  nodes: readonly TreeFileChunk[];
  positions: readonly TreeFileChunk[];
}

/** A file of the ledger's tree: what `createLedger({ tree })` of @dacxa/audit loads and saves. */
export interface TreeFile {
  readonly path: string;
  load(): TreeFileContents | null;
  save(update: TreeFileContents): void;
  clear(): void;
  close(): void;
}

// better-sqlite3 binds Buffers, not other Uint8Arrays: a view over the same memory, not a copy.
const bytesOf = ({ bytes }: TreeFileChunk) =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function open(path: string): Database.Database {
  // Another process on the same data folder (a CLI export beside `serve`) may be saving too.
  const db = new Database(path, { timeout: 2_000 });
  const id = db.pragma('application_id', { simple: true }) as number;
  if (id !== 0 && id !== TREE_APPLICATION_ID) {
    db.close();
    throw new Error(`${path} is a SQLite file of another application (application_id ${id})`);
  }
  // The tree is derived from the log: a power cut may lose the last saves, never the file's consistency.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS nodes (level INTEGER, idx INTEGER, bytes BLOB NOT NULL, PRIMARY KEY (level, idx)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS positions (idx INTEGER PRIMARY KEY, bytes BLOB NOT NULL);`);
  db.pragma(`application_id = ${TREE_APPLICATION_ID}`);
  return db;
}

/**
 * Opens (creating) the SQLite file the ledger keeps its tree in, beside the event store: chunks of
 * each level's hashes and of the leaves' positions, so a start loads the bytes instead of hashing
 * the log again. A file of another format version reads as empty, and is rebuilt.
 */
export function openTreeFile(path: string): TreeFile {
  const db = open(path);
  const getMeta = db.prepare<[string], { value: number }>('SELECT value FROM meta WHERE key = ?');
  const setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  const putNode = db.prepare('INSERT OR REPLACE INTO nodes (level, idx, bytes) VALUES (?, ?, ?)');
  const putPositions = db.prepare('INSERT OR REPLACE INTO positions (idx, bytes) VALUES (?, ?)');
  const chunk = (row: { level?: number; idx: number; bytes: Buffer }) => ({
    level: row.level ?? 0,
    index: row.idx,
    bytes: row.bytes,
  });
  const clear = db.transaction(() => {
    db.exec('DELETE FROM nodes; DELETE FROM positions; DELETE FROM meta;');
  });
  return {
    path,
    load() {
      const size = getMeta.get('size')?.value;
      if (size === undefined || getMeta.get('format')?.value !== FORMAT) return null;
      const nodes = db
        .prepare<[], { level: number; idx: number; bytes: Buffer }>('SELECT * FROM nodes')
        .all();
      const positions = db.prepare<[], { idx: number; bytes: Buffer }>('SELECT * FROM positions').all();
      return { size, nodes: nodes.map(chunk), positions: positions.map(chunk) };
    },
    save: db.transaction((update: TreeFileContents) => {
      for (const c of update.nodes) putNode.run(c.level, c.index, bytesOf(c));
      for (const c of update.positions) putPositions.run(c.index, bytesOf(c));
      setMeta.run('format', FORMAT);
      setMeta.run('size', update.size);
    }),
    clear: () => clear(),
    close: () => db.close(),
  };
}
