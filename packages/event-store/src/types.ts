/** A JSON value as the store accepts it: no functions, BigInt, NaN or cycles; undefined object properties are dropped, as JSON drops them. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

/** Who did it and why, carried by every event. */
export interface EventMetadata {
  /** The user (or system component) that caused the event. */
  actor: string;
  /** The actor's role when acting, e.g. `commune-police`. */
  role: string;
  /** The organisation unit the actor acted for, e.g. a commune code. */
  unit: string;
  correlationId?: string;
  causationId?: string;
  commandId?: string;
  [key: string]: JsonValue | undefined;
}

/** An event offered to `append`. */
export interface NewEvent {
  /** A UUID; generated (UUIDv7, time-ordered) when absent. Supplying one makes retries idempotent. */
  id?: string;
  /** The stable stored name, e.g. `PersonReceived`. Never derived from a class or file name. */
  type: string;
  /** The version of `data`'s shape; 1 when absent. */
  schemaVersion?: number;
  data: JsonValue;
  metadata: EventMetadata;
  /** When it happened in the world (ISO 8601); the append time when absent. */
  occurredAt?: string;
}

/** The part of a recorded event that its hash covers, exactly as hashed (see docs/event-hashing.md). */
export interface HashedEnvelope {
  id: string;
  stream: string;
  revision: number;
  type: string;
  schemaVersion: number;
  data: JsonValue;
  metadata: EventMetadata;
  occurredAt: string;
  recordedAt: string;
}

/** Position in the global order: opaque, but comparable with `<`. */
export type Position = bigint;

/** An event as read back from a store. */
export interface RecordedEvent extends HashedEnvelope {
  position: Position;
  /** Hex SHA-256 of the previous event in the stream; 64 zeros for revision 0. */
  prevHash: string;
  /** Hex SHA-256 over prevHash's 32 bytes followed by the canonical envelope bytes. */
  hash: string;
}

/** What the stream must look like for an append to go ahead. */
export type ExpectedRevision = 'no_stream' | 'any' | 'exists' | number;

export interface AppendOptions {
  expectedRevision?: ExpectedRevision;
}

/** The stream revision and global position of the last event an append wrote. */
export interface AppendResult {
  revision: number;
  position: Position;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** First revision to read (inclusive); the start (forwards) or the end (backwards) when absent. */
  from?: number;
  /** Last revision to read (inclusive). */
  to?: number;
  direction?: Direction;
  limit?: number;
}

export interface ReadAllOptions {
  /** Read events after this position (exclusive); from the very start when absent. */
  after?: Position;
  limit?: number;
}

export interface SubscribeOptions {
  /** Deliver events after this position (exclusive); from the very start when absent. */
  after?: Position;
  /** Ends the subscription: the iterator finishes without error. */
  signal?: AbortSignal;
}

/** The event-store port every adapter implements and the contract suite proves. */
export interface EventStore {
  append(stream: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** Catches up from `after`, then delivers new events live, with no gap or duplicate at the seam. */
  subscribe(options?: SubscribeOptions): AsyncIterable<RecordedEvent>;
  /** The revision of the stream's last event, or null when the stream does not exist. */
  headRevision(stream: string): Promise<number | null>;
  /** The position of the last event in the whole log, or null when the log is empty. */
  headPosition(): Promise<Position | null>;
  close(): Promise<void>;
}
