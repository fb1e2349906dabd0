import type { RecordedEvent } from '@dacxa/event-store';
import type { Doc } from '../types.js';

/** Which document of which collection an event touches. */
export interface Target {
  collection: string;
  id: string;
}

/**
 * A read model: pure functions from events to documents, declared beside its view. `route` says
 * which documents an event touches; `evolve` says what each becomes (null deletes it). Bump
 * `version` when either changes: the engine rebuilds the view blue/green.
 */
export interface Projection<D extends Doc = Doc> {
  name: string;
  version: number;
  collections: ReadonlyArray<{ name: string; indexes: readonly string[] }>;
  route(event: RecordedEvent): readonly Target[];
  evolve(doc: D | null, event: RecordedEvent, target: Target): D | null;
}

/** One document a committed batch changed: what WebSocket pushes are made of. */
export interface Change {
  view: string;
  collection: string;
  key: string;
  position: string;
  document: Doc | null;
}
