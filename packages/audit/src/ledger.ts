import type { Logger } from 'pino';
import type { EventStore, Position, RecordedEvent } from '@dacxa/event-store';
import { MerkleTree, leafHash } from './merkle.js';
import type { TreeHead, TreeHeadSigner } from './treeHead.js';

/** The stream the ledger's signed tree heads are appended to. */
export const LEDGER_STREAM = 'audit-ledger';

export interface LedgerOptions {
  events: EventStore;
  /** Signs heads when given; an api instance beside a signing projector only follows. */
  signer?: TreeHeadSigner;
  /** Sign after this many new events… */
  signEvery?: number;
  /** …or this long after the first unsigned one. */
  signEveryMs?: number;
  logger?: Logger;
  now?: () => Date;
}

/** An inclusion proof as the API and bundles carry it (hex). */
export interface InclusionProof {
  leafIndex: number;
  treeSize: number;
  proof: string[];
}

/**
 * The ledger: an RFC 9162 Merkle tree over every event's hash in log order, grown as events
 * arrive, with tree heads signed every N events or T seconds and appended to the log itself.
 */
export function createLedger(options: LedgerOptions) {
  const { events, signer, signEvery = 1_000, signEveryMs = 60_000, now = () => new Date() } = options;
  const log = options.logger?.child({ component: 'ledger' });
  const tree = new MerkleTree();
  let positions = new BigInt64Array(1024);
  const heads: TreeHead[] = [];
  const controller = new AbortController();
  const waiters = new Set<{ ready(): boolean; resolve(): void }>();
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let signing: Promise<TreeHead | null> | null = null;
  let lastType = '';

  function add(event: RecordedEvent): void {
    if (tree.size === positions.length) {
      const bigger = new BigInt64Array(positions.length * 2);
      bigger.set(positions);
      positions = bigger;
    }
    positions[tree.size] = event.position;
    tree.append(leafHash(Buffer.from(event.hash, 'hex')));
    if (event.type === 'TreeHeadSigned') heads.push(event.data as unknown as TreeHead);
    for (const waiter of waiters) {
      if (!waiter.ready()) continue;
      waiters.delete(waiter);
      waiter.resolve();
    }
  }

  const lastSigned = () => heads.at(-1)?.treeSize ?? 0;

  function waitUntil(ready: () => boolean, timeoutMs: number): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = { ready, resolve: () => (clearTimeout(deadline), resolve()) };
      const deadline = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error('the ledger has not read that far into the log in time'));
      }, timeoutMs);
      waiters.add(waiter);
    });
  }

  /** Signs the tree as it stands and appends the head to the log; null when nothing is new. */
  async function signNow(): Promise<TreeHead | null> {
    if (!signer) throw new Error('this ledger follows; it does not sign');
    // The head event itself is a leaf: a tree whose only news is its last head needs no other.
    const unsigned = tree.size - lastSigned();
    if (tree.size === 0 || unsigned === 0 || (unsigned === 1 && lastType === 'TreeHeadSigned')) return null;
    signing ??= (async () => {
      const size = tree.size;
      const head = signer.sign(size, tree.root(size).toString('hex'), now().toISOString());
      await events.append(LEDGER_STREAM, [
        {
          type: 'TreeHeadSigned',
          data: { ...head },
          metadata: { actor: 'dacxa-ledger', role: 'system', unit: 'he-thong' },
        },
      ]);
      log?.info({ treeSize: size, rootHash: head.rootHash }, 'tree head signed');
      return head;
    })().finally(() => (signing = null));
    return signing;
  }

  async function run(): Promise<void> {
    // Once caught up with the log as it stood at start, sign what no head covers yet: a fresh
    // start (or a seeded demo) has a head to show at once, not after the first interval.
    const startHead = await events.headPosition();
    let caughtUp = startHead === null;
    for await (const event of events.subscribe({ signal: controller.signal })) {
      add(event);
      lastType = event.type;
      if (!caughtUp && startHead !== null && event.position >= startHead) {
        caughtUp = true;
        if (signer) void signNow().catch(fail);
      }
      if (signer && tree.size - lastSigned() >= signEvery && !signing) void signNow().catch(fail);
    }
  }
  const fail = (err: unknown) => log?.error({ err }, 'tree head not signed');

  function leafIndexOf(position: Position): number {
    let lo = 0;
    let hi = tree.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = positions[mid] as bigint;
      if (at === position) return mid;
      if (at < position) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  return {
    start(): void {
      running = run().catch((err: unknown) => {
        if (!controller.signal.aborted) log?.error({ err }, 'ledger stopped on an error');
      });
      if (signer) timer = setInterval(() => void signNow().catch(fail), signEveryMs);
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      controller.abort();
      await running;
      await signing;
    },
    signNow,
    get size(): number {
      return tree.size;
    },
    /** Resolves once the tree holds at least `size` leaves. */
    waitForSize(size: number, timeoutMs = 5_000): Promise<void> {
      return waitUntil(() => tree.size >= size, timeoutMs);
    },
    /** Resolves once the tree holds every event the log held when this was called. */
    async caughtUp(timeoutMs = 5_000): Promise<void> {
      const head = await events.headPosition();
      if (head !== null)
        await waitUntil(() => tree.size > 0 && (positions[tree.size - 1] as bigint) >= head, timeoutMs);
    },
    /** Every signed head in the log, oldest first. */
    heads(): readonly TreeHead[] {
      return heads;
    },
    latestHead(): TreeHead | null {
      return heads.at(-1) ?? null;
    },
    root(size: number): string {
      return tree.root(size).toString('hex');
    },
    leafIndexOf,
    /** The leaf hash at an index, hex (SHA-256 of 0x00 ‖ the event's hash). */
    leafHashAt(leafIndex: number): string {
      return tree.leaf(leafIndex).toString('hex');
    },
    positionAt(leafIndex: number): Position {
      return positions[leafIndex] as bigint;
    },
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
