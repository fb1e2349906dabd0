export type {
  AppendOptions,
  AppendResult,
  Direction,
  EventMetadata,
  EventStore,
  ExpectedRevision,
  HashedEnvelope,
  JsonValue,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from './types.js';
export {
  ConcurrencyError,
  DuplicateEventIdError,
  EventStoreError,
  EventTooLargeError,
  InvalidEventError,
  InvalidOptionsError,
  InvalidStreamNameError,
  SchemaTooNewError,
  StoreClosedError,
  UnboundRowError,
  type EventStoreErrorCode,
  type UnboundRowReason,
} from './errors.js';
/** RFC 8785 canonical JSON, through the `canonicalize` library. */
export { canonicalJson } from './canonicalJson.js';
/** The hashed envelope of a recorded event, its canonical text, and the fast composer adapters use. */
export { canonicalEnvelope, composeEnvelope, envelopeOf } from './envelope.js';
/** The chain hash and the prevHash of a stream's first event. */
export { GENESIS_HASH, chainHash } from './hash.js';
/** Checks a batch and fills ids, versions and times before an adapter writes it. */
export { DEFAULT_MAX_EVENT_BYTES, prepareEvents, type PreparedEvent } from './prepareEvents.js';
/** Stream names: `<category>-<id>`. */
export { MAX_STREAM_NAME_LENGTH, assertStreamName, categoryOf } from './streamName.js';
/** Expected-revision checks shared by adapters. */
export { assertExpectedRevision, expectationHolds } from './expectedRevision.js';
/** Read-option checks shared by adapters. */
export { allRange, inRange, streamRange, type StreamRange } from './readOptions.js';
/** Recomputes hashes and links from events read back; reports the first failure. */
export {
  CorruptEventError,
  verifyChain,
  type ChainFailure,
  type ChainFailureReason,
  type ChainReport,
} from './verifyChain.js';
/** Parses a stored canonical envelope, turning bad bytes into CorruptEventError. */
export { decodeEnvelope } from './decodeEnvelope.js';
/** Wakes waiting subscriptions; used by adapters that read the log by position. */
export { Notifier } from './notifier.js';
/** Catch-up-then-live subscriptions over a paged log reader. */
export { catchUpThenLive, type ReadPage } from './subscription.js';
/** The in-memory adapter. */
export { getInMemoryEventStore, type InMemoryEventStoreOptions } from './inMemoryEventStore.js';
