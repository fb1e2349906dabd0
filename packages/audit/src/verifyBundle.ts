import { join } from 'node:path';
import type { BundleFailureReason, Problem } from './bundleFailure.js';
import { BUNDLE_FILES as F, type BundleKind } from './bundleFormat.js';
import { createDisclosureCheck } from './disclosureCheck.js';
import { sha256OfFile } from './fileHash.js';
import { labelOf } from './eventLines.js';
import { openBundle } from './openBundle.js';
import type { TlogPolicy } from './tlogPolicy.js';
import type { TreeHead } from './treeHead.js';
import { loadCheckpoint } from './verifyCheckpoint.js';
import { createJoin } from './verifyJoin.js';
import { trustedKey } from './verifyKey.js';
import { checkRuns } from './verifyPool.js';

export type { BundleFailureReason } from './bundleFailure.js';

export interface BundleFailure {
  reason: BundleFailureReason;
  /** The log position of the first event found wrong, where one can be named. */
  position: string | null;
  leafIndex: number | null;
  message: string;
}

export type BundleReport =
  | {
      ok: true;
      events: number;
      streams: number;
      treeHead: TreeHead;
      kind: BundleKind;
      complete: boolean;
      createdAt: string;
      /** Event types whose label in events.csv is not this verifier's catalogue's (docs/events.md). */
      relabelled: string[];
      /** The bundle's checkpoint: held to a witness policy (with the witnesses that cosigned) or to the log key only. */
      checkpoint: { treeSize: number; policy: boolean; witnesses: string[] } | null;
    }
  | { ok: false; events: number; failure: BundleFailure };

export interface VerifyOptions {
  /** The public key the auditor trusts (PEM), obtained apart from the bundle; else the bundle's own. */
  trustedPublicKeyPem?: string;
  /** A tlog policy pinned out of band: only its log key is trusted, and its quorum must cosign. */
  policy?: TlogPolicy;
  onProgress?: (events: number) => void;
  /** Worker threads checking lines (default: one per core for a large bundle, none for a small one). */
  workers?: number;
  /** Bytes of events.ndjson per run of lines (tests make it small). */
  runBytes?: number;
}

const failed = (events: number, { reason, message, at }: Problem): BundleReport => ({
  ok: false,
  events,
  failure: {
    reason,
    message,
    position: at && 'position' in at ? at.position : null,
    leafIndex: at?.leafIndex ?? null,
  },
});

/** The SHA-256 of the two large files, computed while their lines are checked. */
function hashesLater(dir: string, files: Record<string, string>): Promise<Problem | null> {
  return Promise.all(
    [F.events, F.csv].map(async (name) => (await sha256OfFile(join(dir, name))) === files[name]),
  ).then((same) => {
    const wrong = [F.events, F.csv].find((_, i) => !same[i]);
    return wrong
      ? { reason: 'file-hash', message: `${wrong} does not match its SHA-256 in the manifest` }
      : null;
  });
}

/**
 * Verifies a bundle offline, with nothing but its files (docs/audit-format.md §5): the signed
 * manifest and every file it lists; the checkpoint, under the witness policy when one is given;
 * every event's hash and its stream's chain; what the bundle's kind proves (complete: the whole
 * log's root and every head inside it; disclosure: each stream whole, to its signed stream head;
 * selection: each event in the filter); each event's inclusion proof and tlog-proof; and
 * events.csv, rebuilt from the events. The lines are checked in runs on worker threads, joined in
 * order; memory stays flat in the bundle's size. Reports the first failure.
 */
export async function verifyBundle(dir: string, options: VerifyOptions = {}): Promise<BundleReport> {
  const policy = options.policy ?? null;
  const trusted = trustedKey(dir, options.trustedPublicKeyPem, policy);
  if (typeof trusted !== 'string' && trusted) return failed(0, trusted);
  const opened = await openBundle(dir, trusted ?? undefined, [F.events, F.csv]);
  if (!opened.ok) return failed(0, opened);
  const { manifest, publicKeyPem } = opened;
  const hashes = hashesLater(dir, manifest.files);
  const first = async (events: number, problem: Problem) => failed(events, (await hashes) ?? problem);
  const loaded = manifest.kind === 'disclosure' ? createDisclosureCheck(dir, manifest, publicKeyPem) : null;
  const heads = loaded?.load();
  if (heads) return first(0, heads);
  const checkpoint = loadCheckpoint(dir, manifest, publicKeyPem, policy);
  if (checkpoint && 'problem' in checkpoint) return first(0, checkpoint.problem);
  const join_ = createJoin(dir, manifest, checkpoint);
  const task = { file: join(dir, F.events), manifest: { ...manifest, files: {} }, publicKeyPem };
  for await (const run of checkRuns(task, options)) {
    const found = await join_.add(run);
    if (found) {
      await join_.end();
      return first(found.line, found.problem);
    }
    options.onProgress?.(join_.lines);
  }
  const count = join_.lines;
  const { counts } = manifest;
  const { tree, csvSame } = await join_.end();
  const problem =
    (count !== counts.events || join_.chains.size !== counts.streams
      ? {
          reason: 'count' as const,
          message: `the manifest declares ${counts.events} events in ${counts.streams} streams; the bundle holds ${count} in ${join_.chains.size}`,
        }
      : null) ??
    tree ??
    loaded?.end(join_.chains) ??
    (csvSame
      ? null
      : {
          reason: 'csv-mismatch' as const,
          message: `${F.csv} is not the events of ${F.events} as the format writes them`,
        });
  if (problem) return first(count, problem);
  const hashProblem = await hashes;
  if (hashProblem) return failed(0, hashProblem);
  return {
    ok: true,
    events: count,
    streams: join_.chains.size,
    treeHead: manifest.treeHead,
    kind: manifest.kind,
    complete: manifest.kind === 'complete',
    createdAt: manifest.createdAt,
    relabelled: Object.keys(manifest.labels).filter((type) => labelOf(type) !== manifest.labels[type]),
    checkpoint: checkpoint && {
      treeSize: checkpoint.size,
      policy: checkpoint.policy,
      witnesses: checkpoint.witnesses,
    },
  };
}
