import type { HashedEnvelope } from '@dacxa/event-store';
import type { TreeHead } from './treeHead.js';

/** The name and version of the bundle format (docs/audit-format.md). */
export const BUNDLE_FORMAT = 'dacxa-audit-bundle-v1';

/** What an export selects; empty selects the whole log up to the tree head (a complete bundle). */
export interface ExportFilter {
  /**
   * Events recorded by these units or any office under them (path codes: `xa-an-khanh` ⊃
   * `xa-an-khanh/cong-an`). A province's export lists its communes, as the unit tree has them.
   */
  units?: readonly string[];
  /** A period, inclusive, by `occurredAt` (default) or `recordedAt`, as YYYY-MM-DD in Vietnam's time. */
  from?: string;
  to?: string;
  periodOf?: 'occurredAt' | 'recordedAt';
  /** Exact stream names (a case's disclosure: its streams only). */
  streams?: readonly string[];
  /** Stream categories, e.g. `case`, `dossier`. */
  categories?: readonly string[];
  types?: readonly string[];
}

/**
 * One line of events.ndjson: the event's place in the log and its hashes, then `envelope`, last,
 * written as its canonical JSON text: exactly the bytes its hash covers, so a verifier hashes the
 * line's tail as it stands and never has to re-serialise.
 */
export interface BundleEvent {
  leafIndex: number;
  position: string;
  prevHash: string;
  hash: string;
  envelope: HashedEnvelope;
}

/** Where the envelope's text starts in a line: after this key, up to the line's closing brace. */
export const ENVELOPE_KEY = ',"envelope":';

/** One line of proofs.ndjson: the audit path of the event at `leafIndex`, hex, leaf to root. */
export interface BundleProof {
  leafIndex: number;
  proof: string[];
}

export interface Manifest {
  format: typeof BUNDLE_FORMAT;
  createdAt: string;
  treeHead: TreeHead;
  /** true: every event from leaf 0 to treeSize − 1, in order, proven by recomputing the root. */
  complete: boolean;
  filter: ExportFilter;
  counts: { events: number; streams: number };
  /** SHA-256 (hex) of every other file in the bundle. */
  files: Record<string, string>;
}
