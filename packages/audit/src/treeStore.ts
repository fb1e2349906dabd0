/** How many hashes (or positions) one stored chunk holds: a save rewrites at most one partial chunk per level. */
export const TREE_CHUNK = 1024;

/** Part of a level of the tree (32-byte hashes) or of the leaves' positions (8 bytes each). */
export interface TreeChunk {
  /** The level, 0 for the leaves; 0 for positions. */
  level: number;
  /** Which chunk of the level: it starts at hash `index × TREE_CHUNK`. */
  index: number;
  bytes: Uint8Array;
}

/** The tree as stored: its size, and the chunks written (all of them on load, the changed ones on save). */
export interface StoredTree {
  size: number;
  nodes: readonly TreeChunk[];
  positions: readonly TreeChunk[];
}

/**
 * Where a ledger keeps its tree between runs (the embedded default: `openTreeFile` of
 * @dacxa/event-store-sqlite). It is derived data: the ledger checks what it loads against the log
 * and rebuilds it from the log when it does not match.
 */
export interface TreeStore {
  /** The stored tree, or null when nothing is stored. */
  load(): StoredTree | null;
  /** Replaces the chunks given and sets the size, in one transaction: a crash keeps the old or the new. */
  save(update: StoredTree): void;
  /** Forgets the stored tree. */
  clear(): void;
  close(): void;
}

/** A tree store in memory, for tests: what it holds survives a ledger's stop, not the process. */
export function createMemoryTreeStore(): TreeStore & { saves: number } {
  let size: number | null = null;
  const chunks = new Map<string, TreeChunk & { kind: 'nodes' | 'positions' }>();
  const put = (kind: 'nodes' | 'positions', chunk: TreeChunk) =>
    chunks.set(`${kind}:${chunk.level}:${chunk.index}`, { kind, ...chunk, bytes: Buffer.from(chunk.bytes) });
  const of = (kind: 'nodes' | 'positions') => [...chunks.values()].filter((c) => c.kind === kind);
  const store = {
    saves: 0,
    load: () => (size === null ? null : { size, nodes: of('nodes'), positions: of('positions') }),
    save(update: StoredTree): void {
      for (const chunk of update.nodes) put('nodes', chunk);
      for (const chunk of update.positions) put('positions', chunk);
      size = update.size;
      store.saves++;
    },
    clear(): void {
      chunks.clear();
      size = null;
    },
    close: () => undefined,
  };
  return store;
}
