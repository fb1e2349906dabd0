import type { Logger } from 'pino';
import type { EventStore, Position, RecordedEvent } from '@dacxa/event-store';
import { createHeadIndex } from './headIndex.js';
import { LeafPositions } from './leafPositions.js';
import { MerkleTree, leafHash } from './merkle.js';
import type { TreeHead, TreeHeadSigner } from './treeHead.js';
import { loadTree } from './treeLoad.js';
import { createTreeSaver } from './treeSaver.js';
import type { TreeStore } from './treeStore.js';
import { createWaiters } from './waiters.js';

/** The stream the ledger's signed tree heads are appended to. */
export const LEDGER_STREAM = 'audit-ledger';

export interface LedgerOptions {
  events: EventStore;
  /** Signs heads when given; an api instance beside a signing projector only follows. */
  signer?: TreeHeadSigner;
  /** The log's public key (PEM), for a ledger that follows: heads not signed by it are skipped. */
  publicKeyPem?: string;
  /** Sign after this many new events… */
  signEvery?: number;
  /** …or this long after the first unsigned one. */
  signEveryMs?: number;
  logger?: Logger;
  now?: () => Date;
  /**
   * Where the tree is kept between runs: loaded at start (checked against the log, rebuilt from it
   * when it does not match) so only the events after it are read, and saved as it grows. The
   * ledger closes it on stop. Without it the tree is rebuilt from the whole log at every start.
   */
  tree?: TreeStore;
}

/** An inclusion proof as the API and bundles carry it (hex). */
export interface InclusionProof {
  leafIndex: number;
  treeSize: number;
  proof: string[];
}

/** No head covering the log came in time (a follower waits for the signer's next one). */
export class NoCoveringHeadError extends Error {
  readonly code = 'ERR_NO_FRESH_HEAD';
}

/**
 * The ledger: an RFC 9162 Merkle tree over every event's hash in log order, grown as events
 * arrive, with tree heads signed every N events or T seconds and appended to the log itself.
 * It signs only once it has read the log as it stood at start: the heads already in the log
 * stand, and an old size is never signed again.
 */
export function createLedger(options: LedgerOptions) {
  const { events, signer, signEvery = 1_000, signEveryMs = 60_000, now = () => new Date() } = options;
  const log = options.logger?.child({ component: 'ledger' });
  let tree = new MerkleTree();
  let positions = new LeafPositions();
  const newHeads = () => createHeadIndex(signer?.publicKeyPem ?? options.publicKeyPem, log);
  let heads = newHeads();
  const saver = options.tree && createTreeSaver(options.tree, log);
  const waiters = createWaiters((why) => new NoCoveringHeadError(why));
  const controller = new AbortController();
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let signing: Promise<TreeHead | null> | null = null;
  let readToStart = false;
  const FAR = 'the ledger has not read that far into the log in time';

  function add(event: RecordedEvent): void {
    positions.push(event.position);
    tree.append(leafHash(Buffer.from(event.hash, 'hex')));
    heads.read(event, tree.size - 1);
    saver?.grew();
    waiters.wake();
  }

  /** The stored tree when it matches the log (then only the events after it are read), else none. */
  async function load(): Promise<void> {
    if (!options.tree || !saver) return;
    const loaded = await loadTree(options.tree, { events, headStream: LEDGER_STREAM, newHeads, log });
    if (loaded) ({ tree, positions, heads } = loaded);
    saver.track(tree, positions, tree.size);
    waiters.wake();
  }

  /** Signs the tree as it stands and appends the head to the log; null when nothing is new. */
  async function signNow(): Promise<TreeHead | null> {
    if (!signer) throw new Error('this ledger follows; it does not sign');
    // A head in flight may be of a tree smaller than now: let it land, then look again.
    while (signing) await signing.catch(() => null);
    // The head event itself is a leaf: a tree whose only news is its last head needs no other.
    const unsigned = tree.size - heads.signedUpTo;
    if (tree.size === 0 || unsigned <= 0 || (unsigned === 1 && heads.lastCoversItself)) return null;
    const size = tree.size;
    signing = (async () => {
      const head = signer.sign(size, tree.root(size).toString('hex'), now().toISOString());
      await events.append(LEDGER_STREAM, [
        {
          type: 'TreeHeadSigned',
          data: { ...head },
          metadata: { actor: 'dacxa-ledger', role: 'system', unit: 'he-thong' },
        },
      ]);
      heads.signed(size);
      log?.info({ treeSize: size, rootHash: head.rootHash }, 'tree head signed');
      return head;
    })().finally(() => (signing = null));
    return signing;
  }

  /**
   * A signed head covering every event the log holds now: the newest head already covering it,
   * else one signed now (a signing ledger) or the signer's next (a follower), waited for.
   */
  async function headCovering(timeoutMs = signEveryMs + 10_000): Promise<TreeHead> {
    const deadline = Date.now() + timeoutMs;
    const left = () => deadline - Date.now();
    const position = await events.headPosition();
    if (position === null)
      throw new NoCoveringHeadError('Nhật ký trống: chưa có gì để ký (the log is empty)');
    await waiters.until(() => (positions.last() ?? -1n) >= position, left(), FAR);
    const size = positions.countUpTo(position);
    const late = `no tree head covering the first ${size} events came in time`;
    for (;;) {
      const found = heads.covering(size);
      if (found) return found;
      if (signer && readToStart) {
        // Signs the tree as read (at least `size` leaves), or finds its own head on the way back.
        const signed = await signNow();
        if (signed) return signed;
        await waiters.until(() => heads.covering(size) !== null, left(), late);
      } else
        await waiters.until(() => heads.covering(size) !== null || (!!signer && readToStart), left(), late);
    }
  }

  async function run(): Promise<void> {
    // Once caught up with the log as it stood at start, sign what no head covers yet: a fresh
    // start (or a seeded demo) has a head to show at once, not after the first interval.
    const startHead = await events.headPosition();
    await load();
    const after = positions.last();
    readToStart = startHead === null || (after !== null && after >= startHead);
    if (readToStart && signer && tree.size > 0) void signNow().catch(fail);
    const from = after === null ? {} : { after };
    for await (const event of events.subscribe({ ...from, signal: controller.signal })) {
      add(event);
      if (!readToStart && startHead !== null && event.position >= startHead) {
        readToStart = true;
        if (signer) void signNow().catch(fail);
      }
      if (readToStart && signer && tree.size - heads.signedUpTo >= signEvery && !signing)
        void signNow().catch(fail);
    }
  }
  const fail = (err: unknown) => log?.error({ err }, 'tree head not signed');

  return {
    start(): void {
      running = run().catch((err: unknown) => {
        if (!controller.signal.aborted) log?.error({ err }, 'ledger stopped on an error');
      });
      if (signer)
        timer = setInterval(() => {
          if (readToStart) void signNow().catch(fail);
        }, signEveryMs);
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      controller.abort();
      await running;
      await signing;
      saver?.close();
    },
    signNow,
    headCovering,
    get size(): number {
      return tree.size;
    },
    /** Resolves once the tree holds at least `size` leaves. */
    waitForSize(size: number, timeoutMs = 5_000): Promise<void> {
      return waiters.until(() => tree.size >= size, timeoutMs, FAR);
    },
    /** Resolves once the tree holds every event the log held when this was called. */
    async caughtUp(timeoutMs = 5_000): Promise<void> {
      const head = await events.headPosition();
      if (head !== null) await waiters.until(() => (positions.last() ?? -1n) >= head, timeoutMs, FAR);
    },
    /** Every signed head in the log, oldest first. */
    heads(): readonly TreeHead[] {
      return heads.all();
    },
    latestHead(): TreeHead | null {
      return heads.all().at(-1) ?? null;
    },
    root(size: number): string {
      return tree.root(size).toString('hex');
    },
    leafIndexOf: (position: Position): number => positions.indexOf(position),
    /** The leaf hash at an index, hex (SHA-256 of 0x00 ‖ the event's hash). */
    leafHashAt(leafIndex: number): string {
      return tree.leaf(leafIndex).toString('hex');
    },
    positionAt: (leafIndex: number): Position => positions.at(leafIndex),
    inclusion(leafIndex: number, treeSize: number): InclusionProof {
      return {
        leafIndex,
        treeSize,
        proof: tree.inclusionProof(leafIndex, treeSize).map((h) => h.toString('hex')),
      };
    },
    consistency(first: number, second: number): string[] {
      return tree.consistencyProof(first, second).map((h) => h.toString('hex'));
    },
  };
}

export type Ledger = ReturnType<typeof createLedger>;
