import type { Logger } from 'pino';
import type { EventStore } from '@dacxa/event-store';
import type { createHeadIndex } from './headIndex.js';
import type { LeafPositions } from './leafPositions.js';
import { leafHash, type MerkleTree } from './merkle.js';
import { treeFromChunks } from './treeChunks.js';
import type { TreeStore } from './treeStore.js';

type HeadIndex = ReturnType<typeof createHeadIndex>;

/** A stored tree that passed the checks against the log, with the heads it holds. */
export interface LoadedTree {
  tree: MerkleTree;
  positions: LeafPositions;
  heads: HeadIndex;
}

interface LoadContext {
  events: EventStore;
  /** The stream of the signed heads. */
  headStream: string;
  newHeads: () => HeadIndex;
  /** How many leaves between the first and the last are compared with the log; 64 by default. */
  samples?: number;
  log: Logger | undefined;
}

/** The first and last leaves and `count` others, different at each start, so no leaf is never looked at. */
function sampleLeaves(size: number, count: number): number[] {
  const picked = new Set([0, size - 1]);
  for (let i = 0; i < count && size > 2; i++) picked.add(1 + Math.floor(Math.random() * (size - 2)));
  return [...picked].sort((a, b) => a - b);
}

/** Whether leaf `i` is the hash of the log's event at the stored position, with nothing between it and the leaf before. */
async function leafMatches(ctx: LoadContext, tree: MerkleTree, positions: LeafPositions, i: number) {
  const range = i === 0 ? { limit: 1 } : { after: positions.at(i - 1), limit: 1 };
  for await (const event of ctx.events.readAll(range))
    return (
      event.position === positions.at(i) && leafHash(Buffer.from(event.hash, 'hex')).equals(tree.leaf(i))
    );
  return false;
}

/** Why the stored tree cannot be trusted over this log, or the tree with its heads read. */
async function check(ctx: LoadContext, { tree, positions }: Omit<LoadedTree, 'heads'>) {
  if (!positions.ascending()) return 'its positions do not only grow';
  for (const i of sampleLeaves(tree.size, ctx.samples ?? 64)) {
    if (!tree.holdsAbove(i)) return `a node above leaf ${i} is not the hash of its children`;
    if (!(await leafMatches(ctx, tree, positions, i)))
      return `leaf ${i} is not the hash of the event at position ${positions.at(i)}`;
  }
  const heads = ctx.newHeads();
  const last = positions.last() ?? -1n;
  for await (const event of ctx.events.readStream(ctx.headStream)) {
    if (event.position > last) break;
    if (event.type !== 'TreeHeadSigned') continue;
    const index = positions.indexOf(event.position);
    if (index === -1) return `the head at position ${event.position} is not a stored leaf`;
    heads.read(event, index);
  }
  heads.loadedTo(tree.size - 1);
  // Every head kept, not just the latest: each root costs O(log n) stored nodes, not a re-hash.
  for (const head of heads.all())
    if (tree.root(head.treeSize).toString('hex') !== head.rootHash)
      return `its root at ${head.treeSize} leaves is not the signed head's`;
  return { tree, positions, heads };
}

/**
 * The tree a store holds, loaded without hashing and checked cheaply against the log: its rows'
 * lengths, the first, the last and sampled leaves against the events' hashes (and the nodes above
 * them), and every signed head up to its size against its root. Null, with the reason logged, when
 * there is none or it does not match: the caller rebuilds it from the log.
 */
export async function loadTree(store: TreeStore, ctx: LoadContext): Promise<LoadedTree | null> {
  const started = performance.now();
  let outcome: LoadedTree | string;
  try {
    const stored = store.load();
    if (!stored || stored.size === 0) {
      ctx.log?.info('no stored tree: building it from the log');
      return null;
    }
    outcome = await check(ctx, treeFromChunks(stored));
  } catch (err) {
    // A RangeError is a file of the wrong shape; anything else, a file that could not be read.
    outcome = err instanceof Error ? err.message : String(err);
  }
  if (typeof outcome === 'string') {
    ctx.log?.warn({ reason: outcome }, 'the stored tree does not match the log: rebuilding it from the log');
    return null;
  }
  const ms = Math.round(performance.now() - started);
  ctx.log?.info({ treeSize: outcome.tree.size, heads: outcome.heads.all().length, ms }, 'stored tree loaded');
  return outcome;
}
