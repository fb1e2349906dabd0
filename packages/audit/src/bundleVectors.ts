import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getInMemoryEventStore, type HashedEnvelope } from '@dacxa/event-store';
import { BUNDLE_FILES as F, listedFiles, tlogProofName } from './bundleFormat.js';
import { exportBundle } from './exportBundle.js';
import { createLedger } from './ledger.js';
import { streamHeadMessage, type StreamHead } from './signedStatements.js';
import { VECTOR_KEY_PEM } from './testVectors.js';
import { createTreeHeadSigner } from './treeHead.js';

/** The two envelopes of docs/event-hashing.md §5: case-0192f5c4, revisions 0 and 1. */
export const HASHING_VECTORS: Array<Omit<HashedEnvelope, 'revision' | 'stream' | 'schemaVersion'>> = [
  {
    id: '0192f5c4-7a1e-7cc0-8a3b-5d2e9f104a11',
    type: 'PersonReceived',
    data: { commune: 'xa-an-khanh', receivedOn: '2025-09-05', village: 'Thôn Đông' },
    metadata: { actor: 'u-17', commandId: 'cmd-1', role: 'commune-police', unit: 'xa-an-khanh' },
    occurredAt: '2025-09-05T09:00:00+07:00',
    recordedAt: '2025-09-05T02:00:01.234Z',
  },
  {
    id: '0192f5c4-7b02-7d11-9c4e-11aa22bb33cc',
    type: 'SupervisorAssigned',
    data: { decision: { date: '2025-09-06', no: '01/QĐ-UBND' }, supervisor: 'u-42' },
    metadata: { actor: 'u-17', commandId: 'cmd-2', role: 'commune-police', unit: 'xa-an-khanh' },
    occurredAt: '2025-09-06T08:30:00+07:00',
    recordedAt: '2025-09-06T01:30:00.000Z',
  },
];

/** A string as JSON, with the byte-order mark written out so that it can be seen. */
const shown = (text: string) => JSON.stringify(text).replaceAll('\uFEFF', '\\ufeff');
const indent = (text: string) =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => `  ${l}`);

/**
 * A whole bundle as `dacxa export --stream case-0192f5c4` cuts it from a log of those two events,
 * signed with the vector key at fixed times: every file, byte for byte (docs/audit-format.md §6).
 */
export async function bundleTestVectors(): Promise<{ text: string; dir: string; cleanUp(): void }> {
  const times = HASHING_VECTORS.map((e) => new Date(e.recordedAt));
  const events = getInMemoryEventStore({ now: () => times.shift() ?? new Date('2026-11-22T00:00:00.000Z') });
  for (const { id, type, data, metadata, occurredAt } of HASHING_VECTORS)
    await events.append('case-0192f5c4', [{ id, type, data, metadata, occurredAt }]);
  const signer = createTreeHeadSigner(VECTOR_KEY_PEM);
  const signedAt = () => new Date('2026-11-22T00:00:00.000Z');
  const ledger = createLedger({ events, signer, signEveryMs: 3_600_000, now: signedAt });
  ledger.start();
  const dir = mkdtempSync(join(tmpdir(), 'dacxa-vectors-'));
  const now = () => new Date('2026-11-22T00:00:01.000Z');
  await exportBundle({ events, ledger, signer, dir, filter: { streams: ['case-0192f5c4'] }, now });
  await ledger.stop();
  const file = (name: string) => readFileSync(join(dir, name), 'utf8');
  const streamHead = JSON.parse(file(F.streamHeads)) as StreamHead;
  const lines = ['bundle disclosing case-0192f5c4 from a log of the two events of docs/event-hashing.md:'];
  for (const name of [F.events, F.proofs, F.streamHeads]) lines.push(`${name}:`, ...indent(file(name)));
  lines.push(
    `  signed bytes (JSON string): ${shown(streamHeadMessage(streamHead).toString('utf8'))}`,
    `${F.csv} (JSON string): ${shown(file(F.csv))}`,
    `${F.treeHead} (JSON string): ${shown(file(F.treeHead))}`,
    `${F.publicKey}: the vector key's public key above`,
    `${F.manifest}:`,
    ...indent(file(F.manifest)),
    `${F.signature} (signs the line "dacxa-bundle-manifest-v2", a line feed, then ${F.manifest}'s bytes):`,
    ...indent(file(F.signature)),
    `${F.checkpoint} (JSON string, signed by the log alone: no checkpoint source): ${shown(file(F.checkpoint))}`,
    `${tlogProofName(0)} (JSON string): ${shown(file(tlogProofName(0)))}`,
    `files listed by a disclosure: ${listedFiles('disclosure').join(', ')}, ${F.checkpoint}, ${tlogProofName(0)}, ${tlogProofName(1)}`,
  );
  return { text: lines.join('\n'), dir, cleanUp: () => rmSync(dir, { recursive: true, force: true }) };
}
