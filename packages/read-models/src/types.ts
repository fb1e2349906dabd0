/** A view document: plain JSON, with the id it is stored under. */
export type Doc = Record<string, unknown>;

/** A document as stored: its id, the global position of the last event it reflects, its body. */
export interface StoredDoc<D extends Doc = Doc> {
  id: string;
  /** Decimal string of the event-store position (a bigint), so it survives JSON. */
  position: string;
  doc: D;
}

/** A condition on one indexed field: equality, a set, or a range. */
export type Condition =
  | string
  | number
  | boolean
  | null
  | { in: readonly (string | number)[] }
  | { gt?: string | number; gte?: string | number; lt?: string | number; lte?: string | number };

/** What the dashboards ask: equality and ranges on indexed fields, one sort, a page. */
export interface Query {
  where?: Readonly<Record<string, Condition>>;
  orderBy?: { field: string; direction: 'asc' | 'desc' };
  limit?: number;
  /** Opaque: the `next` of the previous page. */
  cursor?: string;
}

/** One page of results and the cursor of the next, if any. */
export interface Page<D extends Doc = Doc> {
  items: StoredDoc<D>[];
  next: string | null;
}

/** Where a projection stands: its version, the generation readers use, its position, its health. */
export interface ProjectionState {
  name: string;
  version: number;
  generation: number;
  position: string;
  status: 'running' | 'failed' | 'rebuilding';
  error: { message: string; position: string; eventId: string; type: string } | null;
  updatedAt: string;
}

/** A batch's writes (null deletes) and the state it moves the projection to, applied together. */
export interface Commit {
  writes: ReadonlyArray<{ collection: string; id: string; doc: Doc | null; position: string }>;
  state: ProjectionState;
}

/** The document-store port every read-model adapter implements and the contract suite proves. */
export interface DocumentStore {
  /**
   * Creates a physical collection with these indexed fields if it does not exist. With
   * `deferIndexes` the indexes wait for `createIndexes`: a rebuild loads first and indexes once.
   */
  ensureCollection(
    name: string,
    indexes: readonly string[],
    options?: { deferIndexes?: boolean },
  ): Promise<void>;
  /** Builds the indexes a deferred collection declared; does nothing if they exist. */
  createIndexes(name: string): Promise<void>;
  dropCollection(name: string): Promise<void>;
  get<D extends Doc = Doc>(collection: string, id: string): Promise<StoredDoc<D> | null>;
  find<D extends Doc = Doc>(collection: string, query?: Query): Promise<Page<D>>;
  count(collection: string, where?: Query['where']): Promise<number>;
  /** Writes and the projection state, atomically: after a crash either both or neither. */
  commit(commit: Commit): Promise<void>;
  readState(projection: string): Promise<ProjectionState | null>;
  /** Writes a projection state alone (a failure, the start of a rebuild, a swap). */
  writeState(state: ProjectionState): Promise<void>;
  close(): Promise<void>;
}

/** The physical collection of a view at a generation: blue/green rebuilds write a new one. */
export function physicalName(collection: string, generation: number): string {
  return `${collection}__g${generation}`;
}
