import type { Logger } from 'pino';
import type { EventStore, RecordedEvent } from '@dacxa/event-store';
import { physicalName, type DocumentStore, type ProjectionState } from '../types.js';
import { applyBatch } from './applyBatch.js';
import { indexesOf, type Change, type Projection } from './projection.js';
import { WaitList } from './waitList.js';

export interface ProjectionEngineOptions {
  events: EventStore;
  documents: DocumentStore;
  projections: readonly Projection[];
  /** Events per committed batch. */
  batchSize?: number;
  /** How long a partial batch waits for more events before it commits. */
  lingerMs?: number;
  logger?: Logger;
  now?: () => Date;
}

/** How a projection is doing, for the health endpoint. */
export interface ProjectionHealth {
  name: string;
  status: ProjectionState['status'];
  position: string;
  lag: string;
  error: ProjectionState['error'];
}

/** A projection being fed in a pass: its state, its pending batch, and whether readers see it yet. */
interface Feed {
  projection: Projection;
  state: ProjectionState;
  batch: RecordedEvent[];
  visible: boolean;
  /** While rebuilding a fresh generation: what exists in it, so nothing else is looked up. */
  written?: Set<string>;
  /** `state.position` as a bigint, kept beside it: the pass compares it for every event. */
  after: bigint;
}

const TIMEOUT = Symbol('timeout');

/**
 * Runs projections over one shared pass of the log: each keeps its own checkpoint, batch and
 * health, and commits documents and checkpoint together. A failing projection stops where it
 * failed while the others go on; projections whose version changed are rebuilt into a new
 * generation (together, in one pass) while the old one keeps serving, then swapped.
 */
export function createProjectionEngine(options: ProjectionEngineOptions) {
  const { events, documents, projections, batchSize = 500, lingerMs = 5, now = () => new Date() } = options;
  const log = options.logger?.child({ component: 'projector' });
  const states = new Map<string, ProjectionState>();
  const listeners = new Set<(change: Change) => void>();
  const waits = new WaitList();
  const controller = new AbortController();
  let running: Promise<void> = Promise.resolve();

  async function commit(feed: Feed): Promise<void> {
    if (feed.batch.length === 0) return;
    const { projection } = feed;
    const result = await applyBatch(projection, documents, feed.state.generation, feed.batch, feed.written);
    feed.batch = [];
    let next: ProjectionState = {
      ...feed.state,
      position: result.lastPosition ?? feed.state.position,
      updatedAt: now().toISOString(),
    };
    if (result.failure) {
      const { event, message } = result.failure;
      next = {
        ...next,
        status: 'failed',
        error: { message, position: event.position.toString(), eventId: event.id, type: event.type },
      };
      log?.error(
        { view: projection.name, position: event.position.toString(), type: event.type },
        'projection failed; stopped before the failing event',
      );
    }
    // A rebuild's state is kept under its own name until the swap, so readers never see it half-built.
    await documents.commit({
      writes: result.writes,
      state: feed.visible ? next : { ...next, name: `${projection.name}#rebuild` },
    });
    feed.state = next;
    feed.after = BigInt(next.position);
    if (!feed.visible) return;
    states.set(projection.name, next);
    // In log order, so a live reader's last position marks everything before it as delivered.
    const writes = [...result.writes].sort((x, y) => (BigInt(x.position) < BigInt(y.position) ? -1 : 1));
    for (const w of writes) {
      const change: Change = {
        view: projection.name,
        collection: w.collection.replace(/__g\d+$/, ''),
        key: w.id,
        position: w.position,
        document: w.doc,
      };
      for (const listener of listeners) listener(change);
    }
    waits.wake();
  }

  /** Feeds every running projection from one subscription, until `until` (if given) or the stop. */
  async function pass(feeds: Feed[], until?: bigint): Promise<void> {
    let live = feeds.filter((f) => f.state.status !== 'failed');
    if (live.length === 0) return;
    const after = live.reduce((min, f) => (f.after < min ? f.after : min), live[0]?.after ?? 0n);
    if (until !== undefined && after >= until) return;
    // Its own signal, so a pass that ends can end its subscription at once: return() would queue
    // behind the read that waits for the next event.
    const local = new AbortController();
    // Stopped before this pass began (a stop right after a rebuild's swap): nothing to wait for.
    if (controller.signal.aborted) return;
    const stop = (): void => local.abort();
    controller.signal.addEventListener('abort', stop, { once: true });
    const iterator = events.subscribe({ after, signal: local.signal })[Symbol.asyncIterator]();
    let pending = iterator.next();
    let buffered = 0;
    const linger = (): Promise<typeof TIMEOUT> =>
      new Promise((resolve) => setTimeout(() => resolve(TIMEOUT), lingerMs));
    const flushAll = async (): Promise<void> => {
      // Together: each projection writes only its own collections, and a store that commits on a
      // writer thread then takes the whole pass's batches in one transaction (one round trip).
      await Promise.all(live.map((feed) => commit(feed)));
      buffered = 0;
      live = live.filter((f) => f.state.status !== 'failed');
      // Give timers and I/O a turn: a rebuild inside the API must not freeze its requests.
      await new Promise((resolve) => setImmediate(resolve));
    };
    for (;;) {
      const result = buffered > 0 ? await Promise.race([pending, linger()]) : await pending;
      if (result === TIMEOUT) {
        await flushAll();
      } else if (result.done) {
        await flushAll();
        break;
      } else {
        pending = iterator.next();
        const event = result.value;
        for (const feed of live) if (event.position > feed.after) feed.batch.push(event);
        buffered++;
        const reachedEnd = until !== undefined && event.position >= until;
        if (reachedEnd || buffered >= batchSize) await flushAll();
        if (reachedEnd || live.length === 0) break;
      }
    }
    local.abort();
    controller.signal.removeEventListener('abort', stop);
    await pending.catch(() => undefined);
  }

  async function prepare(projection: Projection, generation: number, deferIndexes = false): Promise<void> {
    for (const c of projection.collections) {
      await documents.ensureCollection(physicalName(c.name, generation), indexesOf(c), { deferIndexes });
    }
  }

  /** Builds every stale projection into a new generation in one pass to the head, then swaps each. */
  async function rebuild(
    stale: Array<{ projection: Projection; current: ProjectionState | null }>,
  ): Promise<Feed[]> {
    const head = (await events.headPosition()) ?? 0n;
    const feeds: Feed[] = [];
    for (const { projection, current } of stale) {
      const generation = (current?.generation ?? 0) + 1;
      await prepare(projection, generation, true);
      if (current) await documents.writeState({ ...current, status: 'rebuilding' });
      const state: ProjectionState = {
        name: projection.name,
        version: projection.version,
        generation,
        position: '0',
        status: 'running',
        error: null,
        updatedAt: now().toISOString(),
      };
      feeds.push({ projection, state, batch: [], visible: false, written: new Set(), after: 0n });
    }
    if (head > 0n) await pass(feeds, head);
    for (const [i, feed] of feeds.entries()) {
      // Indexes built once over the loaded generation, before anyone reads it.
      for (const c of feed.projection.collections)
        await documents.createIndexes(physicalName(c.name, feed.state.generation));
      feed.visible = true;
      delete feed.written;
      await documents.writeState(feed.state);
      states.set(feed.projection.name, feed.state);
      const old = stale[i]?.current;
      if (old)
        for (const c of feed.projection.collections)
          await documents.dropCollection(physicalName(c.name, old.generation));
      log?.info(
        { view: feed.projection.name, generation: feed.state.generation, position: feed.state.position },
        'view rebuilt and swapped',
      );
    }
    waits.wake();
    return feeds;
  }

  async function run(): Promise<void> {
    const current: Feed[] = [];
    const stale: Array<{ projection: Projection; current: ProjectionState | null }> = [];
    for (const projection of projections) {
      const state = await documents.readState(projection.name);
      if (state) states.set(projection.name, state);
      if (!state || state.version !== projection.version || state.status === 'rebuilding')
        stale.push({ projection, current: state });
      else {
        await prepare(projection, state.generation);
        current.push({ projection, state, batch: [], visible: true, after: BigInt(state.position) });
      }
    }
    const rebuilt = stale.length > 0 ? await rebuild(stale) : [];
    await pass([...current, ...rebuilt]);
  }

  return {
    /** Starts every projection; they run until `stop`. */
    start(): void {
      running = run().catch((error: unknown) =>
        log?.error({ err: error }, 'projection engine stopped on an error'),
      );
    },
    /** Stops after in-flight batches commit. */
    async stop(): Promise<void> {
      controller.abort();
      await running;
      waits.cancelAll();
    },
    /** The generation-qualified collection readers should use for a view's collection. */
    collection(view: string, collection: string): string {
      const state = states.get(view);
      if (!state) throw new Error(`view ${view} is not ready`);
      return physicalName(collection, state.generation);
    },
    /** Resolves once every projection (or one) reflects `position`; rejects after `timeoutMs`. */
    waitFor(position: bigint, timeoutMs: number, view?: string): Promise<void> {
      const names = view ? [view] : projections.map((p) => p.name);
      return waits.wait(names, position, timeoutMs, (name) => BigInt(states.get(name)?.position ?? '0'));
    },
    onChange(listener: (change: Change) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async health(): Promise<ProjectionHealth[]> {
      return healthOf(projections, states, (await events.headPosition()) ?? 0n);
    },
  };
}

/** Each projection's health from its state, against the log's head. */
export function healthOf(
  projections: readonly Projection[],
  states: ReadonlyMap<string, ProjectionState>,
  head: bigint,
): ProjectionHealth[] {
  return projections.map((p) => {
    const state = states.get(p.name);
    const position = BigInt(state?.position ?? '0');
    return {
      name: p.name,
      status: state?.status ?? 'rebuilding',
      position: position.toString(),
      lag: (head - position).toString(),
      error: state?.error ?? null,
    };
  });
}

/** A running projection engine. */
export type ProjectionEngine = ReturnType<typeof createProjectionEngine>;
