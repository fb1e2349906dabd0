import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { BundleFailureReason, Problem } from './bundleFailure.js';
import { BUNDLE_FILES as F, type BundleKind } from './bundleFormat.js';
import { createDisclosureCheck } from './disclosureCheck.js';
import { CSV_START, csvRecord, labelOf } from './eventLines.js';
import { createLineChecks } from './lineChecks.js';
import { openBundle } from './openBundle.js';
import { parseLine } from './parseLine.js';
import type { TreeHead } from './treeHead.js';
import { createTreeChecks } from './treeChecks.js';

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
    }
  | { ok: false; events: number; failure: BundleFailure };

export interface VerifyOptions {
  /** The public key the auditor trusts (PEM), obtained apart from the bundle; else the bundle's own. */
  trustedPublicKeyPem?: string;
  onProgress?: (events: number) => void;
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

/**
 * Verifies a bundle offline, with nothing but its files (docs/audit-format.md §5): the signed
 * manifest and every file it lists; every event's hash and its stream's chain; what the bundle's
 * kind proves (complete: the whole log's root and every head inside it, signatures included;
 * disclosure: each stream whole, to its signed stream head; selection: each event in the filter);
 * each event's inclusion proof; and events.csv, rebuilt from the events. Stops at the first failure.
 */
export async function verifyBundle(dir: string, options: VerifyOptions = {}): Promise<BundleReport> {
  const opened = await openBundle(dir, options.trustedPublicKeyPem);
  if (!opened.ok) return failed(0, opened);
  const { manifest, publicKeyPem } = opened;
  const disclosure =
    manifest.kind === 'disclosure' ? createDisclosureCheck(dir, manifest, publicKeyPem) : null;
  const loaded = disclosure?.load();
  if (loaded) return failed(0, loaded);
  const lines = createLineChecks(manifest, publicKeyPem, disclosure);
  const tree = createTreeChecks(dir, manifest);
  const csv = createHash('sha256').update(CSV_START);
  let count = 0;
  for await (const text of createInterface({
    input: createReadStream(join(dir, F.events)),
    crlfDelay: Infinity,
  })) {
    const event = parseLine(text);
    if (!event)
      return failed(count, {
        reason: 'unreadable',
        message: `line ${count + 1} of ${F.events} is not an event in this format`,
      });
    const problem = lines.check(event) ?? (await tree.check(event));
    if (problem) return failed(count, problem);
    const { envelope } = event;
    const label = manifest.labels[envelope.type] ?? envelope.type;
    csv.update(csvRecord({ ...envelope, position: event.position, hash: event.hash }, label, event.dataText));
    if (++count % 10_000 === 0) options.onProgress?.(count);
  }
  const { counts } = manifest;
  const problem =
    (count !== counts.events || lines.chains.size !== counts.streams
      ? {
          reason: 'count' as const,
          message: `the manifest declares ${counts.events} events in ${counts.streams} streams; the bundle holds ${count} in ${lines.chains.size}`,
        }
      : null) ??
    tree.end() ??
    disclosure?.end(lines.chains) ??
    (csv.digest('hex') !== manifest.files[F.csv]
      ? {
          reason: 'csv-mismatch' as const,
          message: `${F.csv} is not the events of ${F.events} as the format writes them`,
        }
      : null);
  if (problem) return failed(count, problem);
  options.onProgress?.(count);
  return {
    ok: true,
    events: count,
    streams: lines.chains.size,
    treeHead: manifest.treeHead,
    kind: manifest.kind,
    complete: manifest.kind === 'complete',
    createdAt: manifest.createdAt,
    relabelled: Object.keys(manifest.labels).filter((type) => labelOf(type) !== manifest.labels[type]),
  };
}
