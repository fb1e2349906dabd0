import { createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from './bundleFailure.js';
import { BUNDLE_FILES as F, type Manifest } from './bundleFormat.js';
import { parseCheckpointText } from './checkpoint.js';
import {
  NOTE_ED25519,
  noteKeyId,
  openNote,
  parseNote,
  rawPublicKey,
  type NoteVerifier,
} from './signedNote.js';
import { verifyCheckpointNote, type TlogPolicy } from './tlogPolicy.js';

/** The checkpoint a bundle is cut at, once verified: what each tlog-proof must prove against. */
export interface BundleCheckpoint {
  note: string;
  size: number;
  root: Buffer;
  /** The policy's witnesses that cosigned it; empty without a policy. */
  witnesses: string[];
  /** Whether it was held to a witness policy, or only to the log's key. */
  policy: boolean;
}

const problem = (reason: Problem['reason'], message: string): { problem: Problem } => ({
  problem: { reason, message },
});

/** The policy's log whose key is `publicKeyPem`, compared as raw Ed25519 public keys. */
export function policyLog(policy: TlogPolicy, publicKeyPem: string): NoteVerifier | null {
  const raw = rawPublicKey(createPublicKey(publicKeyPem));
  return policy.logs.find((l) => rawPublicKey(l.verifier.key).equals(raw))?.verifier ?? null;
}

function opened(
  note: string,
  verifier: NoteVerifier,
  policy: TlogPolicy | null,
): { problem: Problem } | string[] {
  try {
    openNote(note, [verifier]);
  } catch {
    return problem(
      'checkpoint-signature',
      `Điểm kiểm tra không có chữ ký hợp lệ của khóa nhật ký ${verifier.name} (the checkpoint is not signed by the log's key)`,
    );
  }
  if (!policy) return [];
  try {
    return verifyCheckpointNote(note, { ...policy, logs: [{ verifier }] }).witnesses;
  } catch (err) {
    return problem(
      'checkpoint-quorum',
      `Điểm kiểm tra chưa đủ nhân chứng ký xác nhận theo chính sách (${err instanceof Error ? err.message : String(err)})`,
    );
  }
}

/**
 * The bundle's `checkpoint` (docs/audit-format.md §4.7): a C2SP checkpoint signed by the log's key
 * under its origin, and, with a policy, cosigned by the policy's quorum; at the manifest's tree
 * head, size and root. Null for a bundle without one, when no policy asks for it.
 */
export function loadCheckpoint(
  dir: string,
  manifest: Manifest,
  publicKeyPem: string,
  policy: TlogPolicy | null,
): BundleCheckpoint | { problem: Problem } | null {
  const file = join(dir, F.checkpoint);
  if (!(F.checkpoint in manifest.files) || !existsSync(file))
    return policy
      ? problem(
          'checkpoint',
          'Gói không có điểm kiểm tra để đối chiếu với chính sách (the bundle carries no checkpoint)',
        )
      : null;
  const note = readFileSync(file, 'utf8');
  let body: ReturnType<typeof parseCheckpointText>;
  try {
    body = parseCheckpointText(parseNote(note).text);
  } catch (err) {
    return problem(
      'checkpoint',
      `Điểm kiểm tra không đọc được (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  const raw = rawPublicKey(createPublicKey(publicKeyPem));
  const verifier = policy
    ? policyLog(policy, publicKeyPem)
    : {
        name: body.origin,
        id: noteKeyId(body.origin, NOTE_ED25519, raw),
        type: NOTE_ED25519,
        key: createPublicKey(publicKeyPem),
      };
  if (!verifier || verifier.name !== body.origin)
    return problem(
      'checkpoint-signature',
      `Điểm kiểm tra mang nguồn gốc ${body.origin}, không phải nhật ký của chính sách (the checkpoint's origin is not the policy's log)`,
    );
  const witnesses = opened(note, verifier, policy);
  if (!Array.isArray(witnesses)) return witnesses;
  const { treeSize, rootHash } = manifest.treeHead;
  if (body.size !== treeSize || Buffer.from(body.rootHash).toString('hex') !== rootHash)
    return problem(
      'checkpoint-mismatch',
      `Điểm kiểm tra (kích thước ${body.size}) không khớp gốc cây đã ký của gói (kích thước ${treeSize}) (the checkpoint's size or root is not the bundle's tree head)`,
    );
  return { note, size: body.size, root: Buffer.from(body.rootHash), witnesses, policy: policy !== null };
}
