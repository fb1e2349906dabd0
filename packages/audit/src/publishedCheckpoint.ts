/**
 * A checkpoint the log has published: signed by the log under its origin and cosigned by enough
 * of its witnesses for its policy (c2sp.org/tlog-policy). Only such a checkpoint is served at
 * GET /checkpoint and put in bundles; one the witnesses have not cosigned is never shown.
 */
export interface PublishedCheckpoint {
  treeSize: number;
  /** Hex of the RFC 9162 root over the first `treeSize` leaves. */
  rootHash: string;
  /** The whole signed note: the checkpoint text, the log's signature and each witness's cosignature. */
  note: string;
  /** The policy names of the witnesses whose cosignatures it carries. */
  witnesses: string[];
}

/** Where exports and routes get the log's published checkpoints. */
export interface CheckpointSource {
  /** The newest published checkpoint, or null before the first. */
  latest(): PublishedCheckpoint | null;
  /** The first published checkpoint of at least `treeSize` leaves, waited for (rejects on timeout). */
  covering(treeSize: number, timeoutMs?: number): Promise<PublishedCheckpoint>;
}
