import type { RecordedEvent } from '@dacxa/event-store';
import type { Doc, Query } from '../types.js';

/** Which document of which collection an event touches. */
export interface Target {
  collection: string;
  id: string;
}

/**
 * Every stored document of a collection that matches `where` (indexed fields, as `find` takes
 * them), as the batch has them: the engine resolves it to one `Target` per document. What an
 * event recomputes across a view (an amended calendar's open deadlines) is found in the view's
 * documents, never in an instance's memory, so it holds after a restart from a checkpoint.
 */
export interface TargetMatch {
  collection: string;
  where: NonNullable<Query['where']>;
}

/** What `route` returns: documents by id, or all documents matching a filter. */
export type Route = Target | TargetMatch;

/** Whether a route names one document rather than a filter. */
export const isTarget = (route: Route): route is Target => 'id' in route;

/** The documents a projection asked to read for an event (`reads`), as the batch has them before it. */
export type ReadDoc = (target: Target) => Doc | null;

/**
 * A read model: pure functions from events to documents, declared beside its view. `route` says
 * which documents an event touches; `evolve` says what each becomes (null deletes it). `reads`
 * names other documents of the view its `evolve` needs (a view's own copy of the holiday calendar),
 * handed to it as `read`. Bump `version` when any changes: the engine rebuilds the view blue/green.
 */
/**
 * A field a view may be filtered on, and the values it takes: a UUID, a unit code, one of a set of
 * values, or true/false. Declared beside the view's documents, so the API's filters and the store's
 * indexes come from the one declaration (a filter is always indexed: `indexesOf`).
 */
export type FilterKind = 'id' | 'unit' | 'boolean' | { oneOf: readonly [string, ...string[]] };

/** One collection of a view: its name, its indexed fields and the fields readers filter on. */
export interface CollectionSpec {
  name: string;
  indexes: readonly string[];
  filters?: Readonly<Record<string, FilterKind>>;
}

/** The fields a collection indexes: those declared, and every filter. */
export const indexesOf = (collection: CollectionSpec): readonly string[] => [
  ...new Set([...collection.indexes, ...Object.keys(collection.filters ?? {})]),
];

export interface Projection<D extends Doc = Doc> {
  name: string;
  version: number;
  collections: readonly CollectionSpec[];
  route(event: RecordedEvent): readonly Route[];
  reads?(event: RecordedEvent): readonly Target[];
  evolve(doc: D | null, event: RecordedEvent, target: Target, read: ReadDoc): D | null;
}

/** One document a committed batch changed: what WebSocket pushes are made of. */
export interface Change {
  view: string;
  collection: string;
  key: string;
  position: string;
  document: Doc | null;
}
