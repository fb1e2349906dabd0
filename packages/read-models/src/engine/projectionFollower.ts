import type { Logger } from 'pino';
import type { EventStore } from '@dacxa/event-store';
import { physicalName, type DocumentStore, type Page, type ProjectionState } from '../types.js';
import { isTarget, type Change, type Projection, type Route, type Target, indexesOf } from './projection.js';
import { healthOf, type ProjectionEngine, type ProjectionHealth } from './projectionEngine.js';
import { ProjectionTimeoutError, WaitList } from './waitList.js';

/** What a reader of views needs from whoever keeps them: the engine itself, or a follower of it. */
export type ViewReader = Pick<
  ProjectionEngine,
  'start' | 'stop' | 'collection' | 'waitFor' | 'onChange' | 'health'
>;

export interface ProjectionFollowerOptions {
  events: EventStore;
  documents: DocumentStore;
  projections: readonly Projection[];
  /** How often the projector's checkpoints are read. */
  pollMs?: number;
  logger?: Logger;
}

/**
 * The read side of a projection engine that runs in another process (services/projector): reads
 * its checkpoints from the document store, and turns the log into the same change feed by reading
 * each routed document once the projector has committed past the event that touched it.
 */
export function createProjectionFollower(options: ProjectionFollowerOptions): ViewReader {
  const { events, documents, projections, pollMs = 100 } = options;
  const log = options.logger?.child({ component: 'projection-follower' });
  const states = new Map<string, ProjectionState>();
  const listeners = new Set<(change: Change) => void>();
  const waits = new WaitList();
  const controller = new AbortController();
  let polling: NodeJS.Timeout | undefined;
  let tailing: Promise<void> = Promise.resolve();
  const positionOf = (name: string) => BigInt(states.get(name)?.position ?? '0');

  async function poll(): Promise<void> {
    for (const projection of projections) {
      const state = await documents.readState(projection.name);
      if (!state || state.status === 'rebuilding') continue;
      // A new generation: let this process's document store know its collections before reading them.
      if (states.get(projection.name)?.generation !== state.generation)
        for (const c of projection.collections)
          await documents.ensureCollection(physicalName(c.name, state.generation), indexesOf(c));
      states.set(projection.name, state);
    }
    waits.wake();
  }

  async function tail(): Promise<void> {
    const after = (await events.headPosition()) ?? 0n;
    for await (const event of events.subscribe({ after, signal: controller.signal })) {
      for (const projection of projections) {
        const targets = projection.route(event);
        if (targets.length === 0 || listeners.size === 0) continue;
        // However far behind the projector is, wait for it: a change is sent only once it is readable.
        while (positionOf(projection.name) < event.position) {
          await waits.wait([projection.name], event.position, 60_000, positionOf).catch((error: unknown) => {
            if (!(error instanceof ProjectionTimeoutError)) throw error;
            log?.warn({ view: projection.name, position: event.position.toString() }, 'projector is behind');
          });
        }
        const generation = states.get(projection.name)?.generation ?? 1;
        for (const target of await touched(targets, generation, event.position.toString())) {
          const stored = await documents.get(physicalName(target.collection, generation), target.id);
          const change: Change = {
            view: projection.name,
            collection: target.collection,
            key: target.id,
            position: stored?.position ?? event.position.toString(),
            document: stored?.doc ?? null,
          };
          for (const listener of listeners) listener(change);
        }
      }
    }
  }

  /** The documents an event's routes named; a filter's are those it matches that the event last wrote. */
  async function touched(routes: readonly Route[], generation: number, position: string): Promise<Target[]> {
    const out: Target[] = [];
    for (const route of routes) {
      if (isTarget(route)) {
        out.push(route);
        continue;
      }
      let cursor: string | null = null;
      do {
        const page: Page = await documents.find(physicalName(route.collection, generation), {
          where: route.where,
          limit: 500,
          ...(cursor ? { cursor } : {}),
        });
        for (const item of page.items)
          if (item.position === position) out.push({ collection: route.collection, id: item.id });
        cursor = page.next;
      } while (cursor);
    }
    return out;
  }

  return {
    start(): void {
      polling = setInterval(
        () => void poll().catch((err: unknown) => log?.warn({ err }, 'checkpoint read failed')),
        pollMs,
      );
      tailing = poll()
        .then(tail)
        .catch((err: unknown) => {
          if (!controller.signal.aborted) log?.error({ err }, 'change feed stopped on an error');
        });
    },
    async stop(): Promise<void> {
      clearInterval(polling);
      controller.abort();
      waits.cancelAll();
      await tailing;
    },
    collection(view: string, collection: string): string {
      const state = states.get(view);
      if (!state) throw new Error(`view ${view} is not ready`);
      return physicalName(collection, state.generation);
    },
    waitFor(position: bigint, timeoutMs: number, view?: string): Promise<void> {
      return waits.wait(view ? [view] : projections.map((p) => p.name), position, timeoutMs, positionOf);
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
