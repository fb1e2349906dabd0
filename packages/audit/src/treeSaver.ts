import type { Logger } from 'pino';
import type { LeafPositions } from './leafPositions.js';
import type { MerkleTree } from './merkle.js';
import { changedChunks } from './treeChunks.js';
import type { TreeStore } from './treeStore.js';

/**
 * Saves a growing tree to its store in batches: at most once per `everyMs` while leaves arrive,
 * and on `flush`. A crash loses at most the last batch, which the next start reads from the log again.
 */
export function createTreeSaver(store: TreeStore, log: Logger | undefined, everyMs = 1_000) {
  let saved = 0;
  let timer: NodeJS.Timeout | undefined;
  let current: { tree: MerkleTree; positions: LeafPositions } | undefined;

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    if (!current || current.tree.size === saved) return;
    try {
      store.save(changedChunks(current.tree, current.positions, saved));
      saved = current.tree.size;
    } catch (err) {
      // The tree file is derived data: the ledger carries on from memory, and the next start catches up.
      log?.error({ err, treeSize: current.tree.size }, 'the tree was not saved');
    }
  }

  return {
    /** The tree now held, and how many of its leaves the store already holds (0: it was cleared). */
    track(tree: MerkleTree, positions: LeafPositions, storedSize: number): void {
      current = { tree, positions };
      saved = storedSize;
      if (storedSize === 0)
        try {
          store.clear();
        } catch (err) {
          log?.error({ err }, 'the stored tree could not be cleared');
        }
    },
    /** Leaves were appended: saves them with the next batch. */
    grew(): void {
      timer ??= setTimeout(flush, everyMs).unref();
    },
    flush,
    close(): void {
      flush();
      store.close();
    },
  };
}
