// Test support: a bundle changed the way its holder could, then re-sealed as the key holder could.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HashedEnvelope } from '@dacxa/event-store';
import {
  BUNDLE_FILES as F,
  ENVELOPE_KEY,
  leafOfTlogProofName,
  tlogProofName,
  type BundleProof,
  type Manifest,
} from './bundleFormat.js';
import { formatTlogProof } from './tlogProof.js';
import { CSV_START, csvRecord } from './eventLines.js';
import { sha256OfFile } from './fileHash.js';
import type { TreeHeadSigner } from './treeHead.js';

export const readLines = (dir: string, name: string): string[] =>
  readFileSync(join(dir, name), 'utf8')
    .split('\n')
    .filter((l) => l !== '');
export const writeLines = (dir: string, name: string, lines: readonly string[]): void =>
  writeFileSync(join(dir, name), lines.map((l) => `${l}\n`).join(''));
export const readManifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(dir, F.manifest), 'utf8')) as Manifest;

/** A line read leniently: a tampered line need not be canonical any more. */
function looseLine(line: string): { position: string; hash: string; envelope: HashedEnvelope } {
  const tail = line.indexOf(ENVELOPE_KEY);
  const head = JSON.parse(`${line.slice(0, tail)}}`) as { position: string; hash: string };
  return { ...head, envelope: JSON.parse(line.slice(tail + ENVELOPE_KEY.length, -1)) as HashedEnvelope };
}

/** events.csv as the format writes it from events.ndjson. */
export function rebuildCsv(dir: string, labels: Record<string, string>): void {
  const rows = readLines(dir, F.events).map((line) => {
    const { envelope, position, hash } = looseLine(line);
    return csvRecord({ ...envelope, position, hash }, labels[envelope.type] ?? envelope.type);
  });
  writeFileSync(join(dir, F.csv), CSV_START + rows.join(''));
}

/**
 * What someone holding the log's key could do after editing a bundle: count the events again,
 * rebuild the CSV, list every file's hash again and sign the manifest anew.
 */
export async function reseal(
  dir: string,
  signer: TreeHeadSigner,
  edit: (m: Manifest) => void = () => undefined,
) {
  const manifest = readManifest(dir);
  const events = readLines(dir, F.events).map(looseLine);
  manifest.counts = {
    events: events.length,
    streams: new Set(events.map((e) => e.envelope.stream)).size,
  };
  if (F.checkpoint in manifest.files && manifest.kind !== 'complete') relistTlogProofs(dir, manifest);
  edit(manifest);
  rebuildCsv(dir, manifest.labels);
  for (const name of Object.keys(manifest.files)) manifest.files[name] = await sha256OfFile(join(dir, name));
  const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, F.manifest), bytes);
  writeFileSync(join(dir, F.signature), `${signer.signManifest(bytes)}\n`);
}

/** One tlog-proof per event again, as the key holder could write them: the proofs.ndjson line, the checkpoint. */
function relistTlogProofs(dir: string, manifest: Manifest): void {
  for (const name of Object.keys(manifest.files))
    if (leafOfTlogProofName(name) !== null) delete manifest.files[name];
  const note = readFileSync(join(dir, F.checkpoint), 'utf8');
  const proofs = existsSync(join(dir, F.proofs))
    ? readLines(dir, F.proofs).map((l) => JSON.parse(l) as BundleProof)
    : [];
  readLines(dir, F.events).forEach((line, i) => {
    const { leafIndex } = JSON.parse(`${line.slice(0, line.indexOf(ENVELOPE_KEY))}}`) as {
      leafIndex: number;
    };
    const name = tlogProofName(leafIndex);
    const proof = proofs[i]?.proof.map((h) => Buffer.from(h, 'hex')) ?? [];
    if (!existsSync(join(dir, name)))
      writeFileSync(join(dir, name), formatTlogProof({ index: leafIndex, proof, note }));
    manifest.files[name] = '';
  });
}
