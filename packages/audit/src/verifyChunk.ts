import { closeSync, openSync, readSync } from 'node:fs';
import type { Manifest } from './bundleFormat.js';
import type { Problem } from './bundleFailure.js';
import { disclosureRules } from './disclosureCheck.js';
import { csvRecord } from './eventLines.js';
import { createLineChecks, type Opening, type Place } from './lineChecks.js';
import { parseLine } from './parseLine.js';
import type { TreeHead } from './treeHead.js';
import { createCompactRange, leafOf, type Subtree } from './verifyMerkleRoot.js';

/** A run of whole lines of events.ndjson, from byte `start` to byte `end`, and what they are checked on. */
export interface ChunkTask {
  file: string;
  start: number;
  end: number;
  /** The signed manifest (its `files` may be left out) and the key that signed it. */
  manifest: Manifest;
  publicKeyPem: string;
}

/** A tree head inside the log, met in the run, with the leaves of the run it covers. */
export interface HeadInRun {
  line: number;
  at: { position: string; leafIndex: number };
  head: Pick<TreeHead, 'treeSize' | 'rootHash' | 'signedAt'>;
  /** The compact range of the run's leaves below `head.treeSize`; null when it starts before the run. */
  prefix: Subtree[] | null;
}

/** What a run's lines say, for the main thread to join to the runs before it, in order. */
export interface ChunkResult {
  lines: number;
  /** The first line found wrong, and why (null: not a line of the format). */
  problem: { line: number; problem: Problem | null } | null;
  first: Place | null;
  last: Place | null;
  openings: Opening[];
  /** Each stream's last revision and hash in the run. */
  tips: Array<[stream: string, revision: number, hash: string]>;
  /** The run's records of events.csv, as the format writes them. */
  csv: Uint8Array;
  /** The run's leaf hashes, 32 bytes each, and their leaf indices. */
  leaves: Uint8Array;
  leafIndices: number[];
  positions: string[];
  /** A complete bundle: the run's leaves as aligned perfect subtrees, and the heads met. */
  subtrees: Subtree[];
  heads: HeadInRun[];
}

function readRun({ file, start, end }: ChunkTask): Buffer {
  const bytes = Buffer.allocUnsafe(end - start);
  const fd = openSync(file, 'r');
  try {
    for (let done = 0; done < bytes.length;) {
      const n = readSync(fd, bytes, done, bytes.length - done, start + done);
      if (n === 0) throw new Error(`${file} ended before byte ${end}`);
      done += n;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/**
 * Checks a run of lines (docs/audit-format.md §5, step 3) with nothing from the runs before it:
 * each line parsed and held canonical, its hash, order, stream and chain within the run, heads'
 * signatures; its leaf hashes and CSV records computed. Pure but for reading its bytes, so that it
 * runs the same on a worker thread or in the caller's.
 */
export function checkChunk(task: ChunkTask): ChunkResult {
  const { manifest, publicKeyPem } = task;
  const bytes = readRun(task);
  const lines = createLineChecks(
    manifest,
    publicKeyPem,
    manifest.kind === 'disclosure' ? disclosureRules(manifest) : null,
  );
  const leaves = Buffer.allocUnsafe(Math.max(32, Math.ceil(bytes.length / 64) * 32));
  const leafIndices: number[] = [];
  const positions: string[] = [];
  const csv: string[] = [];
  const heads: HeadInRun[] = [];
  let first: Place | null = null;
  let last: Place | null = null;
  let problem: ChunkResult['problem'] = null;
  let count = 0;
  let grown = leaves;
  for (let pos = 0; pos < bytes.length && !problem; count++) {
    const newline = bytes.indexOf(10, pos);
    const stop = newline < 0 ? bytes.length : newline;
    const event = parseLine(bytes.toString('utf8', pos, stop));
    pos = stop + 1;
    if (!event) {
      problem = { line: count, problem: null };
      break;
    }
    const found = lines.check(event);
    if (found) {
      problem = { line: count, problem: found };
      break;
    }
    if ((count + 1) * 32 > grown.length) grown = Buffer.concat([grown, Buffer.alloc(grown.length)]);
    leafOf(Buffer.from(event.hash, 'hex')).copy(grown, count * 32);
    leafIndices.push(event.leafIndex);
    if (manifest.kind !== 'complete') positions.push(event.position);
    first ??= { leafIndex: event.leafIndex, position: event.position };
    last = { leafIndex: event.leafIndex, position: event.position };
    const { envelope } = event;
    const label = manifest.labels[envelope.type] ?? envelope.type;
    csv.push(csvRecord({ ...envelope, position: event.position, hash: event.hash }, label, event.dataText));
    if (envelope.type === 'TreeHeadSigned' && manifest.kind === 'complete') {
      const head = envelope.data as unknown as TreeHead;
      heads.push({ line: count, at: last, head, prefix: null });
    }
  }
  const leafBytes = grown.subarray(0, leafIndices.length * 32);
  return {
    lines: count,
    problem,
    first,
    last,
    openings: lines.openings,
    tips: [...lines.chains].map(([stream, { revision, hash }]) => [stream, revision, hash]),
    csv: Buffer.from(csv.join(''), 'utf8'),
    leaves: manifest.kind === 'complete' ? new Uint8Array(0) : leafBytes,
    leafIndices: manifest.kind === 'complete' ? [] : leafIndices,
    positions,
    ...(manifest.kind === 'complete' ? treeOfRun(first, leafBytes, heads) : { subtrees: [], heads }),
  };
}

/** A complete bundle's run as subtrees, and for each head the subtrees of the run's leaves it covers. */
function treeOfRun(
  first: Place | null,
  leaves: Buffer,
  heads: HeadInRun[],
): Pick<ChunkResult, 'subtrees' | 'heads'> {
  const start = first?.leafIndex ?? 0;
  const range = (count: number) => {
    const compact = createCompactRange(start);
    for (let i = 0; i < count; i++) compact.append(leaves.subarray(i * 32, i * 32 + 32));
    return compact.subtrees();
  };
  for (const head of heads) {
    const covered = head.head.treeSize - start;
    if (Number.isSafeInteger(covered) && covered >= 0 && covered <= leaves.length / 32)
      head.prefix = range(covered);
  }
  return { subtrees: range(leaves.length / 32), heads };
}
