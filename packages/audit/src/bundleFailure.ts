import type { OpeningFailure } from './openBundle.js';

export type BundleFailureReason =
  | OpeningFailure
  | 'stream-head'
  | 'hash-mismatch'
  | 'broken-link'
  | 'revision-gap'
  | 'missing'
  | 'reordered'
  | 'foreign-event'
  | 'continuation'
  | 'incomplete-stream'
  | 'inclusion'
  | 'head-mismatch'
  | 'head-signature'
  | 'root-mismatch'
  | 'csv-mismatch'
  | 'count'
  | 'checkpoint'
  | 'checkpoint-signature'
  | 'checkpoint-quorum'
  | 'checkpoint-mismatch'
  | 'tlog-proof';

/** What a check found wrong, and the event where, when it is one event's. */
export interface Problem {
  reason: BundleFailureReason;
  message: string;
  at?: At;
}

/** Where: an event (its position and leaf), or a leaf that is missing. */
export type At = { position: string; leafIndex: number } | { leafIndex: number };

/** Each stream's last revision and hash read so far. */
export type Chains = Map<string, { revision: number; hash: string }>;
