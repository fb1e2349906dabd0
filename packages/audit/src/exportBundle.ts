import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from '@dacxa/event-store';
import {
  BUNDLE_FILES as F,
  BUNDLE_FORMAT,
  listedFiles,
  manifestText,
  proofLine,
  tlogProofName,
  treeHeadText,
  type ExportFilter,
  type Manifest,
} from './bundleFormat.js';
import { CSV_START, bundleLine, csvRecord, labelOf } from './eventLines.js';
import { sha256OfFile } from './fileHash.js';
import { openLines } from './fileWriter.js';
import type { Ledger } from './ledger.js';
import type { CheckpointSource } from './publishedCheckpoint.js';
import { createSelection } from './selection.js';
import type { StreamHead } from './signedStatements.js';
import { cutAtCheckpoint, openTlogProofs } from './tlogProofExport.js';
import type { TreeHead, TreeHeadSigner } from './treeHead.js';

export interface ExportOptions {
  events: EventStore;
  ledger: Ledger;
  /** The log's key: it signs the manifest and a disclosure's stream heads. */
  signer: TreeHeadSigner;
  /** An empty or new folder: the bundle's files go there. */
  dir: string;
  filter?: ExportFilter;
  /** Called every 10,000 events read, and at the end. */
  onProgress?: (read: number, total: number) => void;
  now?: () => Date;
  /** How long to wait for a head covering the log (a following ledger waits for the signer's). */
  headTimeoutMs?: number;
  /**
   * The log's published (cosigned) checkpoints: the bundle is cut at the first covering the log,
   * and carries it. Without one, it carries a checkpoint signed by the log alone, under `origin`.
   */
  checkpoints?: CheckpointSource;
  /** The log's origin (c2sp.org/tlog-checkpoint) for a checkpoint signed by the log alone. */
  origin?: string;
}

type Tips = Map<string, { revision: number; hash: string }>;

/**
 * Cuts an audit bundle at a tree head covering the log as it stands when asked (signed now if no
 * head covers it yet): the selected events as stored (NDJSON, and CSV for people), an inclusion
 * proof per event unless the bundle is the complete log, a signed stream head per stream of a
 * disclosure, the head, the public key, and a manifest, signed, listing each file's SHA-256.
 * Reads the log once, in order, writing as it goes: memory stays flat however many events.
 */
export async function exportBundle(options: ExportOptions): Promise<Manifest> {
  const { events, ledger, signer, dir, filter = {}, onProgress, now = () => new Date() } = options;
  const cut = await cutAtCheckpoint(options);
  const { head } = cut;
  if (head.keyId !== signer.keyId)
    throw new Error(`the log's head is signed by key ${head.keyId}, not ${signer.keyId}`);
  await ledger.waitForSize(head.treeSize);
  const selection = createSelection(filter);
  mkdirSync(dir, { recursive: true });
  const ndjson = openLines(dir, F.events);
  const csv = openLines(dir, F.csv);
  const proofs = selection.kind === 'complete' ? null : openLines(dir, F.proofs);
  const tlogProof = openTlogProofs(dir, cut);
  await csv.write(CSV_START);
  const tips: Tips = new Map();
  const labels: Record<string, string> = {};
  let read = 0;
  let selected = 0;
  // The leaves of the tlog-proofs written, to list them: as many as the events of a disclosure.
  const tlogProofs: number[] = [];
  for await (const event of events.readAll()) {
    if (read >= head.treeSize) break;
    const leafIndex = read++;
    if (ledger.positionAt(leafIndex) !== event.position)
      throw new Error(`the log differs from the ledger at position ${event.position}`);
    if (read % 10_000 === 0) onProgress?.(read, head.treeSize);
    if (!selection.selects(event)) continue;
    selected++;
    tips.set(event.stream, { revision: event.revision, hash: event.hash });
    const label = (labels[event.type] ??= labelOf(event.type));
    await ndjson.write(`${bundleLine(event, leafIndex)}\n`);
    await csv.write(csvRecord(event, label));
    if (!proofs) continue;
    const { proof } = ledger.inclusion(leafIndex, head.treeSize);
    await proofs.write(proofLine(leafIndex, proof));
    tlogProof(leafIndex, proof);
    tlogProofs.push(leafIndex);
  }
  onProgress?.(read, head.treeSize);
  if (read < head.treeSize)
    throw new Error(`the log holds ${read} events, fewer than the head's ${head.treeSize}`);
  await Promise.all([ndjson.close(), csv.close(), proofs?.close()]);
  const createdAt = now().toISOString();
  const streams = selection.streams();
  if (selection.kind === 'disclosure') writeStreamHeads(dir, signer, head, streams, tips, createdAt);
  writeFileSync(join(dir, F.treeHead), treeHeadText(head));
  writeFileSync(join(dir, F.publicKey), signer.publicKeyPem);
  const files: Record<string, string> = {};
  for (const name of [...listedFiles(selection.kind), F.checkpoint, ...tlogProofs.map(tlogProofName)])
    files[name] = await sha256OfFile(join(dir, name));
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    createdAt,
    kind: selection.kind,
    treeHead: head,
    filter,
    streams,
    continuations: selection.continuations(),
    counts: { events: selected, streams: tips.size },
    labels: Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1))),
    files,
  };
  const bytes = Buffer.from(manifestText(manifest), 'utf8');
  writeFileSync(join(dir, F.manifest), bytes);
  writeFileSync(join(dir, F.signature), `${signer.signManifest(bytes)}\n`);
  return manifest;
}

/** stream-heads.ndjson: each disclosed stream's last event at the head, signed. */
function writeStreamHeads(
  dir: string,
  signer: TreeHeadSigner,
  head: TreeHead,
  streams: readonly string[],
  tips: Tips,
  signedAt: string,
): void {
  const lines = streams.map((stream) => {
    const tip = tips.get(stream);
    if (!tip)
      throw new Error(
        `Luồng ${stream} không có sự kiện nào trong cây đã ký (no event of ${stream} in the signed tree)`,
      );
    const signed: StreamHead = signer.signStreamHead({
      stream,
      revision: tip.revision,
      lastHash: tip.hash,
      treeSize: head.treeSize,
      rootHash: head.rootHash,
      signedAt,
    });
    return `${JSON.stringify(signed)}\n`;
  });
  writeFileSync(join(dir, F.streamHeads), lines.join(''));
}
