import type { KeyObject } from 'node:crypto';
import {
  cosignatureLine,
  openNote,
  parseCheckpointText,
  parseNote,
  verifyConsistency,
  type NoteVerifier,
} from '@dacxa/audit';
import type { WitnessStore } from './witnessStore.js';

/** What the witness answers, as c2sp.org/tlog-witness sets the statuses. */
export interface WitnessAnswer {
  status: 200 | 400 | 403 | 404 | 409 | 422;
  /** `text/x.tlog.size` for a 409 on the old size; plain text otherwise. */
  contentType: string;
  body: string;
}

export interface WitnessContext {
  store: WitnessStore;
  /** The logs it witnesses, by origin line: the verifier keys of each (pinned by the operator). */
  logs: ReadonlyMap<string, readonly NoteVerifier[]>;
  name: string;
  key: KeyObject;
  now: () => Date;
}

const plain = (status: WitnessAnswer['status'], body: string): WitnessAnswer => ({
  status,
  contentType: 'text/plain; charset=utf-8',
  body: `${body}\n`,
});

interface Request {
  oldSize: number;
  proof: Buffer[];
  note: string;
}

/** The body: `old N`, up to 63 base64 proof lines, an empty line, then the checkpoint note. */
function parseRequest(body: string): Request | null {
  const blank = body.indexOf('\n\n');
  if (blank < 0) return null;
  const [old, ...proofLines] = body.slice(0, blank).split('\n');
  const size = /^old (0|[1-9][0-9]{0,15})$/.exec(old ?? '');
  if (!size || proofLines.length > 63) return null;
  const proof = proofLines.map((line) => Buffer.from(line, 'base64'));
  if (proof.some((hash, i) => hash.length !== 32 || hash.toString('base64') !== proofLines[i])) return null;
  return { oldSize: Number(size[1]), proof, note: body.slice(blank + 2) };
}

/**
 * `add-checkpoint`: verifies the log's signature, that the old size is the one this witness last
 * cosigned, and the consistency proof from that tree to the new one; then stores the new checkpoint
 * and cosigns it, atomically. A checkpoint that contradicts what it saw is refused and kept.
 */
export function addCheckpoint(body: string, context: WitnessContext): WitnessAnswer {
  const request = parseRequest(body);
  if (!request) return plain(400, 'malformed add-checkpoint request');
  let text: string;
  let checkpoint: ReturnType<typeof parseCheckpointText>;
  try {
    text = parseNote(request.note).text;
    checkpoint = parseCheckpointText(text);
  } catch (error) {
    return plain(400, `malformed checkpoint: ${(error as Error).message}`);
  }
  const verifiers = context.logs.get(checkpoint.origin);
  if (!verifiers) return plain(404, `unknown log origin ${checkpoint.origin}`);
  try {
    openNote(request.note, verifiers);
  } catch {
    return plain(403, 'no valid signature by the log’s key');
  }
  if (request.oldSize > checkpoint.size) return plain(400, 'old size is larger than the checkpoint');
  const stored = context.store.latest(checkpoint.origin);
  const storedSize = stored?.size ?? 0;
  if (request.oldSize !== storedSize)
    return { status: 409, contentType: 'text/x.tlog.size', body: `${storedSize}\n` };
  if (stored && request.oldSize === checkpoint.size && !stored.rootHash.equals(checkpoint.rootHash)) {
    context.store.remember(
      checkpoint.origin,
      'same size, another root: the history was rewritten',
      request.note,
    );
    return plain(409, 'same tree size with another root hash: refused');
  }
  const consistent =
    request.oldSize === 0
      ? request.proof.length === 0
      : verifyConsistency(
          request.oldSize,
          checkpoint.size,
          stored?.rootHash ?? Buffer.alloc(0),
          checkpoint.rootHash,
          request.proof,
        );
  if (!consistent) {
    context.store.remember(checkpoint.origin, 'consistency proof does not verify', body);
    return plain(
      422,
      'the consistency proof does not verify: the log is not an extension of what this witness saw',
    );
  }
  const advanced = context.store.advance(checkpoint.origin, request.oldSize, {
    size: checkpoint.size,
    rootHash: Buffer.from(checkpoint.rootHash),
    note: request.note,
  });
  if (!advanced.ok) return { status: 409, contentType: 'text/x.tlog.size', body: `${advanced.size}\n` };
  const seconds = BigInt(Math.floor(context.now().getTime() / 1000));
  return {
    status: 200,
    contentType: 'text/plain; charset=utf-8',
    body: cosignatureLine(text, context.name, context.key, seconds),
  };
}
