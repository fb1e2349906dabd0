import type { HashedEnvelope } from '@dacxa/event-store';
import type { TreeHead } from './treeHead.js';

/** The name and version of the bundle format (docs/audit-format.md). */
export const BUNDLE_FORMAT = 'dacxa-audit-bundle-v2';

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
 * complete: every leaf of the tree, in order, proven by its root. disclosure: whole streams (a
 * case and its continuations), each proven whole by a signed stream head. selection: any other
 * filter, each event proven in the tree, nothing proven about what was left out.
 */
export type BundleKind = 'complete' | 'disclosure' | 'selection';

/** The kind of bundle a filter makes. */
export function kindOf(filter: ExportFilter): BundleKind {
  const keys = Object.entries(filter)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
  if (keys.length === 0) return 'complete';
  return keys.length === 1 && keys[0] === 'streams' ? 'disclosure' : 'selection';
}

/** The bundle's files by role. `manifest.sig` signs `manifest.json`; `files` lists the rest. */
export const BUNDLE_FILES = {
  manifest: 'manifest.json',
  signature: 'manifest.sig',
  events: 'events.ndjson',
  csv: 'events.csv',
  proofs: 'proofs.ndjson',
  streamHeads: 'stream-heads.ndjson',
  treeHead: 'tree-head.json',
  publicKey: 'public-key.pem',
  /** The checkpoint the bundle is cut at, as a C2SP signed note: the log's signature and witnesses'. */
  checkpoint: 'checkpoint',
} as const;

/** A disclosure's or selection's tlog-proof (c2sp.org/tlog-proof) of the event at a leaf. */
export const tlogProofName = (leafIndex: number): string => `tlog-proofs/${leafIndex}.tlog-proof`;
/** The leaf a tlog-proof's file name gives, or null for any other name. */
export const leafOfTlogProofName = (name: string): number | null => {
  const match = /^tlog-proofs\/(0|[1-9]\d{0,15})\.tlog-proof$/.exec(name);
  return match ? Number(match[1]) : null;
};

/** The files a manifest of this kind must list, in the order it lists them. */
export function listedFiles(kind: BundleKind): string[] {
  const f = BUNDLE_FILES;
  return [
    f.events,
    f.csv,
    ...(kind === 'complete' ? [] : [f.proofs]),
    ...(kind === 'disclosure' ? [f.streamHeads] : []),
    f.treeHead,
    f.publicKey,
  ];
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

/** A case opened at the destination of a transfer, disclosed with the case it continues. */
export interface Continuation {
  /** The destination case's stream: its revision 0 is CaseTransferredIn naming `from`. */
  stream: string;
  from: string;
}

export interface Manifest {
  format: typeof BUNDLE_FORMAT;
  createdAt: string;
  kind: BundleKind;
  treeHead: TreeHead;
  filter: ExportFilter;
  /** disclosure: every stream disclosed, asked for or continuing one, sorted; otherwise empty. */
  streams: string[];
  continuations: Continuation[];
  counts: { events: number; streams: number };
  /** The Vietnamese label events.csv shows for each event type in the bundle. */
  labels: Record<string, string>;
  /** SHA-256 (hex) of every file `listedFiles(kind)` names. */
  files: Record<string, string>;
}

/** manifest.json's bytes: the manifest as JSON indented by two spaces, then a line feed. */
export const manifestText = (manifest: Manifest): string => `${JSON.stringify(manifest, null, 2)}\n`;
/** tree-head.json's bytes, written the same way. */
export const treeHeadText = (head: TreeHead): string => `${JSON.stringify(head, null, 2)}\n`;
/** A line of proofs.ndjson, with its line feed. */
export const proofLine = (leafIndex: number, proof: readonly string[]): string =>
  `${JSON.stringify({ leafIndex, proof })}\n`;
