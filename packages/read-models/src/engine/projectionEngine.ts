import type { Logger } from 'pino';
import type { EventStore, RecordedEvent } from '@dacxa/event-store';
import { physicalName, type DocumentStore, type ProjectionState } from '../types.js';
import { applyBatch } from './applyBatch.js';
import type { Change, Projection } from './projection.js';
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

const TIMEOUT = Symbol('timeout');

/**
 * Runs projections: each subscribes from its checkpoint, applies events in batches, and commits
 * documents and checkpoint together. A failing projection stops where it failed; a projection whose
 * version changed is rebuilt into a new generation while the old one keeps serving, then swapped.
 */
export function createProjectionEngine(options: ProjectionEngineOptions) {
  const { events, documents, projections, batchSize = 500, lingerMs = 5, now = () => new Date() } = options;
  const log = options.logger?.child({ component: 'projector' });
  const states = new Map<string, ProjectionState>();
  const listeners = new Set<(change: Change) => void>();
  const waits = new WaitList();
  const controller = new AbortController();
  const running: Promise<void>[] = [];

  async function commitBatch(
    projection: Projection,
    state: ProjectionState,
    batch: RecordedEvent[],
  ): Promise<ProjectionState> {
    const result = await applyBatch(projection, documents, state.generation, batch);
    const updatedAt = now().toISOString();
    let next: ProjectionState = { ...state, position: result.lastPosition ?? state.position, updatedAt };
    if (result.failure) {
      const { event, message } = result.failure;
      next = {
        ...next,
        status: 'failed',
        error: { message, position: event.position.toString(), eventId: event.id, type: event.type },
      };
      log?.error(
        { view: projection.name, position: next.error?.position, type: event.type },
        'projection failed; stopped before the failing event',
      );
    }
    await documents.commit({ writes: result.writes, state: next });
    if (!next.name.endsWith('#rebuild')) states.set(projection.name, next);
    // A rebuild's batches are invisible until the swap, so they are not pushed to subscribers.
    const visible = !state.name.endsWith('#rebuild');
    for (const w of visible ? result.writes : []) {
      const change: Change = {
        view: projection.name,
        collection: w.collection.replace(/__g\d+$/, ''),
        key: w.id,
        position: w.position,
        document: w.doc,
      };
      for (const listener of listeners) listener(change);
    }
    if (visible) waits.wake();
    return next;
  }

  /** Applies events after the state's position until the signal stops it or the projection fails. */
  async function follow(
    projection: Projection,
    start: ProjectionState,
    signal: AbortSignal,
    until?: bigint,
  ): Promise<ProjectionState> {
    let state = start;
    // Its own signal, so a follow that ends (reached the head, or failed) can end its subscription
    // at once: return() would queue behind the read that is waiting for the next event.
    const local = new AbortController();
    const stop = (): void => local.abort();
    signal.addEventListener('abort', stop, { once: true });
    const subscription = events.subscribe({ after: BigInt(state.position), signal: local.signal });
    const iterator = subscription[Symbol.asyncIterator]();
    let pending = iterator.next();
    let batch: RecordedEvent[] = [];
    const linger = (): Promise<typeof TIMEOUT> =>
      new Promise((resolve) => setTimeout(() => resolve(TIMEOUT), lingerMs));
    const flush = async (): Promise<void> => {
      if (batch.length > 0) state = await commitBatch(projection, state, batch);
      batch = [];
    };
    for (;;) {
      const result = batch.length > 0 ? await Promise.race([pending, linger()]) : await pending;
      if (result === TIMEOUT) {
        await flush();
        if (state.status === 'failed') break;
        continue;
      }
      if (result.done) {
        await flush();
        break;
      }
      pending = iterator.next();
      batch.push(result.value);
      const reachedEnd = until !== undefined && result.value.position >= until;
      if (batch.length >= batchSize || reachedEnd) {
        await flush();
        if (state.status === 'failed' || reachedEnd) break;
      }
    }
    local.abort();
    signal.removeEventListener('abort', stop);
    await pending.catch(() => undefined);
    return state;
  }

  async function prepare(projection: Projection, generation: number): Promise<void> {
    for (const c of projection.collections)
      await documents.ensureCollection(physicalName(c.name, generation), c.indexes);
  }

  /** Builds a new generation from the start to the head, then swaps readers onto it. */
  async function rebuild(projection: Projection, current: ProjectionState | null): Promise<ProjectionState> {
    const generation = (current?.generation ?? 0) + 1;
    await prepare(projection, generation);
    if (current) await documents.writeState({ ...current, status: 'rebuilding' });
    const head = (await events.headPosition()) ?? 0n;
    const fresh: ProjectionState = {
      name: projection.name,
      version: projection.version,
      generation,
      position: '0',
      status: 'running',
      error: null,
      updatedAt: now().toISOString(),
    };
    // Readers keep using the old generation (states) until the swap below.
    const built =
      head > 0n
        ? await follow(projection, { ...fresh, name: `${projection.name}#rebuild` }, controller.signal, head)
        : fresh;
    const swapped = { ...built, name: projection.name };
    await documents.writeState(swapped);
    states.set(projection.name, swapped);
    waits.wake();
    if (current)
      for (const c of projection.collections)
        await documents.dropCollection(physicalName(c.name, current.generation));
    log?.info({ view: projection.name, generation, position: swapped.position }, 'view rebuilt and swapped');
    return swapped;
  }

  async function run(projection: Projection): Promise<void> {
    let state = await documents.readState(projection.name);
    if (state) states.set(projection.name, state);
    if (!state || state.version !== projection.version || state.status === 'rebuilding')
      state = await rebuild(projection, state);
    else await prepare(projection, state.generation);
    if (state.status === 'failed') return;
    await follow(projection, state, controller.signal);
  }

  return {
    /** Starts every projection; they run until `stop`. */
    start(): void {
      for (const projection of projections) {
        running.push(
          run(projection).catch((error: unknown) =>
            log?.error({ view: projection.name, err: error }, 'projection loop ended'),
          ),
        );
      }
    },
    /** Stops after in-flight batches commit. */
    async stop(): Promise<void> {
      controller.abort();
      await Promise.all(running);
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
      const head = (await events.headPosition()) ?? 0n;
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
    },
  };
}

/** A running projection engine. */
export type ProjectionEngine = ReturnType<typeof createProjectionEngine>;
