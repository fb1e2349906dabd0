import { LeafPositions } from './leafPositions.js';
import { MerkleTree } from './merkle.js';
import { TREE_CHUNK, type StoredTree, type TreeChunk } from './treeStore.js';

/** The chunks of one row that changed as it grew from `from` to `to` entries. */
function rowChunks(level: number, from: number, to: number, slice: (a: number, b: number) => Buffer) {
  const chunks: TreeChunk[] = [];
  if (to <= from) return chunks;
  for (let index = Math.floor(from / TREE_CHUNK); index * TREE_CHUNK < to; index++) {
    const start = index * TREE_CHUNK;
    chunks.push({ level, index, bytes: slice(start, Math.min(start + TREE_CHUNK, to)) });
  }
  return chunks;
}

/** What a save must write for a tree that grew from `savedSize` leaves to its size now. */
export function changedChunks(tree: MerkleTree, positions: LeafPositions, savedSize: number): StoredTree {
  const size = tree.size;
  const nodes: TreeChunk[] = [];
  for (let k = 0; k < tree.height; k++) {
    const to = Math.floor(size / 2 ** k);
    nodes.push(...rowChunks(k, Math.floor(savedSize / 2 ** k), to, (a, b) => tree.levelBytes(k, a, b)));
  }
  return { size, nodes, positions: rowChunks(0, savedSize, size, (a, b) => positions.bytes(a, b)) };
}

/**
 * One row's chunks joined in order, up to the first missing or short one: a chunk after a short
 * one (another process's save overtaken by this one's) does not follow on from it.
 */
function joinRow(chunks: readonly TreeChunk[], width: number): Buffer {
  const sorted = [...chunks].sort((a, b) => a.index - b.index);
  const run: Uint8Array[] = [];
  for (const chunk of sorted) {
    if (chunk.index !== run.length) break;
    run.push(chunk.bytes);
    if (chunk.bytes.length !== TREE_CHUNK * width) break;
  }
  return Buffer.concat(run);
}

/**
 * The tree and positions a store holds, copied into place without hashing. Throws (RangeError)
 * when the stored rows do not have the lengths a tree of the stored size has.
 */
export function treeFromChunks(stored: StoredTree): { tree: MerkleTree; positions: LeafPositions } {
  const byLevel = new Map<number, TreeChunk[]>();
  for (const chunk of stored.nodes) {
    const row = byLevel.get(chunk.level) ?? [];
    row.push(chunk);
    byLevel.set(chunk.level, row);
  }
  // Rows longer than the stored size are a save of a larger tree that another process overtook:
  // the bytes up to the size are the same tree's, since every tree of the log is a prefix of the next.
  const height = stored.size === 0 ? 0 : Math.floor(Math.log2(stored.size)) + 1;
  const levels = Array.from({ length: height }, (_, k) =>
    joinRow(byLevel.get(k) ?? [], 32).subarray(0, Math.floor(stored.size / 2 ** k) * 32),
  );
  const tree = new MerkleTree(levels);
  const positions = new LeafPositions(joinRow(stored.positions, 8).subarray(0, stored.size * 8));
  if (tree.size !== stored.size || positions.length !== stored.size)
    throw new RangeError(
      `the stored size is ${stored.size}, with ${tree.size} leaves and ${positions.length} positions`,
    );
  return { tree, positions };
}
