import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { getInMemoryEventStore, type EventStore, type SubscribeOptions } from '@dacxa/event-store';
import { someEvents } from '@dacxa/event-store/contract';
import { openTreeFile } from '@dacxa/event-store-sqlite';
import { createLedger } from './ledger.js';
import { MerkleTree, leafHash } from './merkle.js';
import { createTreeHeadSigner, generateSigningKey } from './treeHead.js';
import { TREE_CHUNK, createMemoryTreeStore, type StoredTree, type TreeStore } from './treeStore.js';

/** Flips one bit of a stored chunk in place, as a tampered or damaged file would hold it. */
const flip = (bytes: Uint8Array | undefined, at: number) => {
  if (!bytes) throw new Error('no such chunk');
  bytes[at] = (bytes[at] ?? 0) ^ 1;
};

const signer = createTreeHeadSigner(generateSigningKey());
const root = mkdtempSync(join(tmpdir(), 'dacxa-tree-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The log with every subscription's `after` and every event it delivered counted. */
function watched(events: EventStore) {
  const seen = { after: [] as Array<bigint | undefined>, delivered: 0 };
  const store: EventStore = {
    ...events,
    append: (stream, list, options) => events.append(stream, list, options),
    readAll: (options) => events.readAll(options),
    readStream: (stream, options) => events.readStream(stream, options),
    headPosition: () => events.headPosition(),
    async *subscribe(options?: SubscribeOptions) {
      seen.after.push(options?.after);
      for await (const event of events.subscribe(options)) {
        seen.delivered++;
        yield event;
      }
    },
  };
  return { store, seen };
}

/** A ledger started on the log with `tree`, caught up, and what it logged. */
async function startOn(events: EventStore, tree: TreeStore) {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  const log = watched(events);
  const ledger = createLedger({
    events: log.store,
    signer,
    signEvery: 7,
    signEveryMs: 3_600_000,
    logger,
    tree,
  });
  ledger.start();
  await ledger.caughtUp();
  return { ledger, seen: log.seen, logged: () => lines.join('') };
}

/** The root and proofs of a tree hashed from scratch over the log's events. */
async function fromScratch(events: EventStore) {
  const tree = new MerkleTree();
  for await (const event of events.readAll()) tree.append(leafHash(Buffer.from(event.hash, 'hex')));
  return tree;
}

/** Whether the ledger's root is the root of the tree hashed from scratch at the same size. */
async function rootMatches(ledger: ReturnType<typeof createLedger>, events: EventStore) {
  const scratch = await fromScratch(events);
  expect(ledger.root(ledger.size)).toBe(scratch.root(ledger.size).toString('hex'));
}

async function aLog(count: number): Promise<EventStore> {
  const events = getInMemoryEventStore();
  for (let i = 0; i < count; i += 10) await events.append(`case-${i % 30}`, someEvents(10, i));
  return events;
}

describe('a ledger with a stored tree', () => {
  it('builds and saves the tree on its first start, then loads it and reads only the events after it', async () => {
    const events = await aLog(60);
    const tree = createMemoryTreeStore();
    const first = await startOn(events, tree);
    expect(first.logged()).toContain('no stored tree: building it from the log');
    await first.ledger.stop();
    const size = tree.load()?.size ?? 0;
    expect(size).toBeGreaterThan(60);

    await events.append('case-new', someEvents(3, 100));
    const again = await startOn(events, tree);
    expect(again.logged()).toContain('stored tree loaded');
    expect(again.seen.after).toEqual([again.ledger.positionAt(size - 1)]);
    // The three new events and the head signed over them: nothing before the stored tree.
    expect(again.seen.delivered).toBeLessThanOrEqual(4);
    await again.ledger.signNow();
    await again.ledger.caughtUp();
    await rootMatches(again.ledger, events);
    const scratch = await fromScratch(events);
    for (const index of [0, 5, size - 1, again.ledger.size - 1])
      expect(again.ledger.inclusion(index, again.ledger.size).proof).toEqual(
        scratch.inclusionProof(index, again.ledger.size).map((h) => h.toString('hex')),
      );
    expect(again.ledger.consistency(3, again.ledger.size)).toEqual(
      scratch.consistencyProof(3, again.ledger.size).map((h) => h.toString('hex')),
    );
    // The heads in the stored part still serve, and no old size is signed again.
    expect(again.ledger.heads().length).toBeGreaterThan(1);
    expect(new Set(again.ledger.heads().map((h) => h.treeSize)).size).toBe(again.ledger.heads().length);
    await again.ledger.stop();
  });

  it('reads again from the log the tail a crash kept it from saving', async () => {
    const events = await aLog(40);
    const tree = createMemoryTreeStore();
    const first = await startOn(events, tree);
    await first.ledger.stop();
    const saved = tree.load()?.size ?? 0;
    // A crash: the ledger read these, but its last save never reached the file.
    const crashed = await startOn(events, { ...tree, save: () => undefined, close: () => undefined });
    await events.append('case-late', someEvents(5, 200));
    await crashed.ledger.caughtUp();
    await crashed.ledger.stop();
    expect(tree.load()?.size).toBe(saved);

    const again = await startOn(events, tree);
    expect(again.seen.after).toEqual([again.ledger.positionAt(saved - 1)]);
    await rootMatches(again.ledger, events);
    await again.ledger.stop();
    expect(tree.load()?.size).toBe(again.ledger.size);
  });

  it('refuses a stored tree whose last leaf is not the hash of the event there, and rebuilds it', async () => {
    const events = await aLog(30);
    const tree = createMemoryTreeStore();
    await (await startOn(events, tree)).ledger.stop();
    const stored = tree.load() as StoredTree;
    const leaves = stored.nodes.find((c) => c.level === 0 && c.index === 0);
    flip(leaves?.bytes, (stored.size - 1) * 32);
    const again = await startOn(events, tree);
    expect(again.logged()).toMatch(
      /"reason":"leaf \d+ is not the hash of the event at position \d+".*rebuilding it from the log/,
    );
    expect(again.seen.after).toEqual([undefined]);
    await rootMatches(again.ledger, events);
    await again.ledger.stop();
  });

  it('refuses a stored tree whose root is not a signed head’s, and one of another log', async () => {
    const events = await aLog(30);
    const tree = createMemoryTreeStore();
    await (await startOn(events, tree)).ledger.stop();
    const stored = tree.load() as StoredTree;
    // The top of the tree: no sampled leaf sits under it, only the heads' roots show it.
    const top = stored.nodes.reduce((a, b) => (b.level > a.level ? b : a));
    flip(top.bytes, 0);
    const again = await startOn(events, tree);
    expect(again.logged()).toMatch(/not the signed head's|is not the hash of its children/);
    await rootMatches(again.ledger, events);
    await again.ledger.stop();

    const other = await aLog(30);
    const foreign = await startOn(other, tree);
    expect(foreign.logged()).toContain('the stored tree does not match the log');
    await rootMatches(foreign.ledger, other);
    await foreign.ledger.stop();
  });

  it('rebuilds a missing tree file from the log once, and loads it after', async () => {
    const events = await aLog(2 * TREE_CHUNK + 30);
    const path = join(root, 'ledger-tree.sqlite');
    const first = await startOn(events, openTreeFile(path));
    expect(first.logged()).toContain('no stored tree');
    await first.ledger.stop();
    expect(statSync(path).size).toBeGreaterThan(0);
    const again = await startOn(events, openTreeFile(path));
    expect(again.logged()).toContain('stored tree loaded');
    expect(again.seen.delivered).toBe(0);
    await rootMatches(again.ledger, events);
    // The log was read up to its end and its last head covers it: nothing new to sign.
    expect(await again.ledger.signNow()).toBeNull();
    await again.ledger.stop();
    rmSync(path);
    const rebuilt = await startOn(events, openTreeFile(path));
    expect(rebuilt.logged()).toContain('no stored tree');
    expect(rebuilt.ledger.size).toBe(again.ledger.size);
    await rebuilt.ledger.stop();
  });
});
