/** The event store on EventStoreDB / KurrentDB, and its options. */
export { getEsdbEventStore, type EsdbEventStoreOptions } from './esdbEventStore.js';
/** What a subscription reports when it drops and resubscribes. */
export type { DropListener } from './subscribeToOurStreams.js';
/** How an EventStoreDB (commit, prepare) position maps to the port's one ordered bigint. */
export { fromEsdbPosition, toEsdbPosition } from './position.js';
