import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Chains, Problem } from './bundleFailure.js';
import { BUNDLE_FILES as F, tlogProofName, type BundleProof, type Manifest } from './bundleFormat.js';
import { CSV_START } from './eventLines.js';
import { chainProblem, orderProblem, type Place } from './lineChecks.js';
import { verifyInclusion } from './merkle.js';
import { parseTlogProof } from './tlogProof.js';
import type { BundleCheckpoint } from './verifyCheckpoint.js';
import type { ChunkResult, HeadInRun } from './verifyChunk.js';
import { linesOf } from './verifyLines.js';
import { createRootStack, leafOf, type Subtree } from './verifyMerkleRoot.js';

const buffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
const subtree = (s: Subtree): Subtree => ({ hash: buffer(s.hash), size: s.size });
type Found = { line: number; problem: Problem };
const earliest = (a: Found | null, b: Found | null) => (!a ? b : !b || a.line <= b.line ? a : b);

/**
 * Joins the runs of lines, in order, into what the whole file says: each run's first line after
 * the last line before it, each stream's first event in a run after its chain so far, the tree
 * (complete: the root from the runs' subtrees, every head in the log against the leaves it names;
 * otherwise each event's inclusion proof and tlog-proof), and events.csv compared byte for byte
 * with the records rebuilt. Holds O(streams + log n), never an event per line.
 */
export function createJoin(dir: string, manifest: Manifest, checkpoint: BundleCheckpoint | null) {
  const { kind, treeHead: head } = manifest;
  const chains: Chains = new Map();
  const root = createRootStack();
  const deferred: HeadInRun[] = [];
  const proofs = kind === 'complete' ? null : linesOf(join(dir, F.proofs))[Symbol.asyncIterator]();
  const csv = openSync(join(dir, F.csv), 'r');
  const csvSize = statSync(join(dir, F.csv)).size;
  let csvAt = 0;
  let csvSame = compareCsv(Buffer.from(CSV_START, 'utf8'));
  let last: Place | null = null;
  let lines = 0;

  function compareCsv(bytes: Uint8Array): boolean {
    const onDisk = Buffer.allocUnsafe(bytes.length);
    const n = bytes.length ? readSync(csv, onDisk, 0, bytes.length, csvAt) : 0;
    csvAt += bytes.length;
    return n === bytes.length && onDisk.equals(bytes);
  }

  function headProblem(found: HeadInRun): Problem | null {
    const { head: earlier, at } = found;
    const mismatch = {
      reason: 'head-mismatch' as const,
      message: `the tree head signed at ${earlier.signedAt} (size ${earlier.treeSize}) does not match the events before it`,
      at,
    };
    if (!Number.isSafeInteger(earlier.treeSize) || earlier.treeSize > at.leafIndex) return mismatch;
    if (!found.prefix) {
      deferred.push(found); // named in an earlier run: checked at the end, from a second read
      return null;
    }
    const upTo = createRootStack(root.subtrees());
    for (const s of found.prefix) upTo.push(subtree(s));
    return upTo.root().toString('hex') === earlier.rootHash ? null : mismatch;
  }

  async function proven(run: ChunkResult, i: number): Promise<Problem | null> {
    const leafIndex = run.leafIndices[i] ?? -1;
    const leaf = buffer(run.leaves.subarray(i * 32, i * 32 + 32));
    const next = await proofs?.next();
    const proof = next && !next.done ? (JSON.parse(next.value.toString('utf8')) as BundleProof) : null;
    const at = { position: run.positions[i] ?? '', leafIndex };
    const hashes = (proof?.proof ?? []).map((h) => Buffer.from(h, 'hex'));
    if (
      proof?.leafIndex !== leafIndex ||
      !verifyInclusion(leafIndex, head.treeSize, leaf, hashes, Buffer.from(head.rootHash, 'hex'))
    )
      return {
        reason: 'inclusion',
        message: `event ${at.position} is not proven to be in the signed tree`,
        at,
      };
    const problem = checkpoint ? tlogProven(checkpoint, leafIndex, leaf) : null;
    return problem ? { ...problem, at } : null;
  }

  function tlogProven(cp: BundleCheckpoint, leafIndex: number, leaf: Buffer): Problem | null {
    const name = tlogProofName(leafIndex);
    const wrong = (why: string): Problem => ({
      reason: 'tlog-proof',
      message: `Bằng chứng ${name} không chứng minh sự kiện ở lá ${leafIndex} dưới điểm kiểm tra (${why})`,
      at: { leafIndex },
    });
    if (!(name in manifest.files)) return wrong('not listed in the manifest');
    try {
      const proof = parseTlogProof(readFileSync(join(dir, name), 'utf8'));
      if (proof.index !== leafIndex) return wrong(`it proves index ${proof.index}, another event`);
      if (proof.note !== cp.note) return wrong('its checkpoint is not the bundle’s');
      return verifyInclusion(leafIndex, cp.size, leaf, proof.proof, cp.root)
        ? null
        : wrong('the inclusion proof fails');
    } catch (err) {
      return wrong(err instanceof Error ? err.message : String(err));
    }
  }

  return {
    chains,
    get lines(): number {
      return lines;
    },
    /** The run's first problem, in line order, with its line in the file; null when it joins. */
    async add(run: ChunkResult): Promise<Found | null> {
      let found: Found | null = run.problem
        ? { line: run.problem.line, problem: run.problem.problem ?? unreadable(lines + run.problem.line) }
        : null;
      const order = run.first ? orderProblem(kind, last, run.first) : null;
      if (order) found = earliest({ line: 0, problem: order }, found);
      for (const o of run.openings) {
        const p = chainProblem(kind, chains.get(o.stream), o);
        if (p) found = earliest({ line: o.line, problem: p }, found);
      }
      const limit = found?.line ?? run.lines;
      for (const h of run.heads) {
        if (h.line >= limit) break;
        const p = headProblem(h);
        if (p) found = earliest({ line: h.line, problem: p }, found);
      }
      if (kind !== 'complete')
        for (let i = 0; i < Math.min(limit, run.leafIndices.length); i++) {
          const p = await proven(run, i);
          if (p) {
            found = earliest({ line: i, problem: p }, found);
            break;
          }
        }
      if (found) return { line: lines + found.line, problem: found.problem };
      for (const [stream, revision, hash] of run.tips) chains.set(stream, { revision, hash });
      for (const s of run.subtrees) root.push(subtree(s));
      if (run.last) last = run.last;
      csvSame &&= compareCsv(run.csv);
      lines += run.lines;
      return null;
    },
    /** At the end: the tree whole (complete), heads named in earlier runs, and the CSV's length. */
    async end(): Promise<{ tree: Problem | null; csvSame: boolean }> {
      closeSync(csv);
      await proofs?.return?.(undefined);
      const same = csvSame && csvAt === csvSize;
      if (kind !== 'complete') return { tree: null, csvSame: same };
      if (root.size !== head.treeSize)
        return {
          tree: {
            reason: 'missing',
            message: `the bundle ends at leaf ${root.size - 1}; the signed tree has ${head.treeSize}`,
            at: { leafIndex: root.size },
          },
          csvSame: same,
        };
      const tree =
        (await deferredHeads(dir, deferred)) ??
        (root.root().toString('hex') === head.rootHash
          ? null
          : { reason: 'root-mismatch' as const, message: 'the events do not make the signed root' });
      return { tree, csvSame: same };
    },
  };
}

const unreadable = (line: number): Problem => ({
  reason: 'unreadable',
  message: `line ${line + 1} of ${F.events} is not an event in this format`,
});

/** Heads in the log naming a size before the run they sit in: their roots, from a second read. */
async function deferredHeads(dir: string, heads: readonly HeadInRun[]): Promise<Problem | null> {
  if (heads.length === 0) return null;
  const wanted = [...heads].sort((a, b) => a.head.treeSize - b.head.treeSize);
  const stack = createRootStack();
  let next = 0;
  const check = () => {
    for (; next < wanted.length && wanted[next]?.head.treeSize === stack.size; next++) {
      const { head, at } = wanted[next] as HeadInRun;
      if (stack.root().toString('hex') !== head.rootHash)
        return {
          reason: 'head-mismatch' as const,
          message: `the tree head signed at ${head.signedAt} (size ${head.treeSize}) does not match the events before it`,
          at,
        };
    }
    return null;
  };
  for await (const line of linesOf(join(dir, F.events))) {
    const problem = check();
    if (problem || next === wanted.length) return problem;
    const hash = /"hash":"([0-9a-f]{64})"/.exec(line.toString('latin1', 0, 256))?.[1] ?? '';
    stack.push({ hash: leafOf(Buffer.from(hash, 'hex')), size: 1 });
  }
  return check();
}
