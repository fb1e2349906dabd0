import { createWriteStream, mkdirSync, writeFileSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { stringify } from 'csv-stringify';
import { localDateAt } from '@dacxa/domain';
import { categoryOf, type EventStore, type RecordedEvent } from '@dacxa/event-store';
import { BUNDLE_FORMAT, type ExportFilter, type Manifest } from './bundleFormat.js';
import { CSV_COLUMNS, bundleLine, csvRow } from './eventLines.js';
import { sha256OfFile } from './fileHash.js';
import type { Ledger } from './ledger.js';

export interface ExportOptions {
  events: EventStore;
  ledger: Ledger;
  publicKeyPem: string;
  /** An empty or new folder: the bundle's files go there. */
  dir: string;
  filter?: ExportFilter;
  /** Called every 10,000 events read, and at the end. */
  onProgress?: (read: number, total: number) => void;
  now?: () => Date;
}

/** Whether an event falls in the export's selection. */
export function matches(event: RecordedEvent, filter: ExportFilter): boolean {
  const unit = event.metadata.unit;
  if (filter.units && !filter.units.some((u) => unit === u || unit.startsWith(`${u}/`))) return false;
  if (filter.from || filter.to) {
    const day = localDateAt(filter.periodOf === 'recordedAt' ? event.recordedAt : event.occurredAt);
    if ((filter.from && day < filter.from) || (filter.to && day > filter.to)) return false;
  }
  if (filter.streams && !filter.streams.includes(event.stream)) return false;
  if (filter.categories && !filter.categories.includes(categoryOf(event.stream))) return false;
  if (filter.types && !filter.types.includes(event.type)) return false;
  return true;
}

const isEmpty = (filter: ExportFilter) => Object.values(filter).every((v) => v === undefined);

async function write(stream: NodeJS.WritableStream, chunk: string | string[]): Promise<void> {
  if (!stream.write(chunk as string)) await once(stream, 'drain');
}

async function finish(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'close');
}

/**
 * Cuts an audit bundle at the ledger's latest signed tree head: the selected events as stored
 * (NDJSON, and CSV for people), an inclusion proof per event unless the bundle is the complete
 * log, the head, the public key and a manifest with counts and each file's SHA-256. Reads the log
 * once, in order, writing as it goes: memory stays flat however many events there are.
 */
export async function exportBundle(options: ExportOptions): Promise<Manifest> {
  const { events, ledger, dir, filter = {}, onProgress, now = () => new Date() } = options;
  const head = ledger.latestHead();
  if (!head) throw new Error('Chưa có gốc cây nào được ký: chưa thể xuất (no signed tree head yet)');
  await ledger.waitForSize(head.treeSize);
  const complete = isEmpty(filter);
  mkdirSync(dir, { recursive: true });
  const ndjson = createWriteStream(join(dir, 'events.ndjson'));
  const csvFile = createWriteStream(join(dir, 'events.csv'));
  // A byte-order mark first, so that Excel reads the Vietnamese as UTF-8.
  const csv = stringify({ bom: true, header: true, columns: CSV_COLUMNS });
  csv.pipe(csvFile);
  const proofs = complete ? null : createWriteStream(join(dir, 'proofs.ndjson'));
  const streams = new Set<string>();
  let read = 0;
  let selected = 0;
  for await (const event of events.readAll()) {
    if (read >= head.treeSize) break;
    const leafIndex = read++;
    if (ledger.positionAt(leafIndex) !== event.position)
      throw new Error(`the log differs from the ledger at position ${event.position}`);
    if (read % 10_000 === 0) onProgress?.(read, head.treeSize);
    if (!complete && !matches(event, filter)) continue;
    selected++;
    streams.add(event.stream);
    await write(ndjson, `${bundleLine(event, leafIndex)}\n`);
    await write(csv, csvRow(event));
    if (proofs)
      await write(
        proofs,
        `${JSON.stringify({ leafIndex, proof: ledger.inclusion(leafIndex, head.treeSize).proof })}\n`,
      );
  }
  onProgress?.(read, head.treeSize);
  if (read < head.treeSize)
    throw new Error(`the log holds ${read} events, fewer than the head's ${head.treeSize}`);
  await finish(ndjson);
  csv.end();
  await once(csvFile, 'close');
  if (proofs) await finish(proofs);
  writeFileSync(join(dir, 'tree-head.json'), `${JSON.stringify(head, null, 2)}\n`);
  writeFileSync(join(dir, 'public-key.pem'), options.publicKeyPem);
  const names = [
    'events.ndjson',
    'events.csv',
    ...(proofs ? ['proofs.ndjson'] : []),
    'tree-head.json',
    'public-key.pem',
  ];
  const files: Record<string, string> = {};
  for (const name of names) files[name] = await sha256OfFile(join(dir, name));
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    createdAt: now().toISOString(),
    treeHead: head,
    complete,
    filter,
    counts: { events: selected, streams: streams.size },
    files,
  };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
