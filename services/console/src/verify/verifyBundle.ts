import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';
import { leafHash, rootOf, verifyInclusion } from './merkle.js';
import { keyIdOf, verifyNote, type NoteSignature, type Vkey } from './note.js';

/** A bundle's files by name (docs/audit-format.md §4.2), as bytes. */
export type BundleFiles = ReadonlyMap<string, Uint8Array>;

export interface TreeHead {
  treeSize: number;
  rootHash: string;
  signedAt: string;
  keyId: string;
  signature: string;
}

/** The first check that failed, by its name in docs/audit-format.md §5, in Vietnamese. */
export interface Failure {
  check: string;
  line?: number;
  message: string;
}
export type Verdict =
  | { ok: true; events: number; treeSize: number; kind: string; checkpoint: NoteSignature[] | null }
  | { ok: false; failure: Failure };

class Failed extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}
const fail = (check: string, message: string, line?: number): never => {
  throw new Failed({ check, message, ...(line === undefined ? {} : { line }) });
};

const text = (files: BundleFiles, name: string) =>
  new TextDecoder().decode(files.get(name) ?? fail('missing-file', `Thiếu tệp ${name}`));
const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

function checkHead(head: TreeHead, logKeys: readonly Vkey[]): void {
  const key = logKeys.find((k) => k.alg === 1 && keyIdOf(k.publicKey) === head.keyId);
  if (!key) fail('pinned-key', `Gốc cây được ký bằng khóa ${head.keyId}, không phải khóa đã ghim`);
  const signed = utf8ToBytes(`dacxa-tree-head-v1\n${head.treeSize}\n${head.rootHash}\n${head.signedAt}\n`);
  if (!ed25519.verify(fromBase64(head.signature), signed, key!.publicKey))
    fail('head-signature', 'Chữ ký của gốc cây không đúng với khóa đã ghim');
}

function checkManifest(files: BundleFiles, head: TreeHead, logKeys: readonly Vkey[]): string {
  const bytes = files.get('manifest.json');
  if (!bytes) return 'console';
  const key = logKeys.find((k) => keyIdOf(k.publicKey) === head.keyId)!;
  const signed = concatBytes(utf8ToBytes('dacxa-bundle-manifest-v2\n'), bytes);
  if (!ed25519.verify(fromBase64(text(files, 'manifest.sig').trim()), signed, key.publicKey))
    fail('manifest-signature', 'Chữ ký của manifest.json không đúng');
  const manifest = JSON.parse(new TextDecoder().decode(bytes)) as {
    kind: string;
    files: Record<string, string>;
  };
  for (const [name, hash] of Object.entries(manifest.files))
    if (bytesToHex(sha256(files.get(name) ?? fail('missing-file', `Thiếu tệp ${name}`))) !== hash)
      fail('file-hash', `Mã băm của ${name} khác với manifest`);
  return manifest.kind;
}

interface Line {
  leafIndex: number;
  hash: string;
  prevHash: string;
  stream: string;
  revision: number;
}
const PREFIX =
  /^\{"leafIndex":(\d+),"position":"(\d+)","prevHash":"([0-9a-f]{64})","hash":"([0-9a-f]{64})","envelope":/;

function checkLine(raw: string, n: number): Line {
  const match = PREFIX.exec(raw);
  if (!match || !raw.endsWith('}')) return fail('line-format', 'Dòng sự kiện không đúng định dạng', n);
  const envelopeText = raw.slice(match[0].length, -1);
  const envelope = JSON.parse(envelopeText) as { stream: string; revision: number };
  if (canonicalize(envelope) !== envelopeText)
    fail('canonical', 'Phong bì sự kiện không ở dạng JSON chuẩn tắc (RFC 8785)', n);
  const hash = bytesToHex(sha256(concatBytes(hexToBytes(match[3]!), utf8ToBytes(envelopeText))));
  if (hash !== match[4]) fail('hash', 'Mã băm của sự kiện không khớp với nội dung', n);
  return {
    leafIndex: Number(match[1]),
    hash,
    prevHash: match[3]!,
    stream: envelope.stream,
    revision: envelope.revision,
  };
}

/**
 * Verifies a bundle against the pinned keys only (never a key the bundle carries): the tree head's
 * signature, the manifest's and its files' hashes when it has one, every event's canonical envelope,
 * hash and link in its stream, each event in the signed tree (inclusion proofs, or the root rebuilt
 * from every leaf), and the checkpoint's signatures. Returns the first failure, named.
 */
export function verifyBundle(
  files: BundleFiles,
  logKeys: readonly Vkey[],
  witnessKeys: readonly Vkey[] = [],
): Verdict {
  try {
    const head = JSON.parse(text(files, 'tree-head.json')) as TreeHead;
    checkHead(head, logKeys);
    const kind = checkManifest(files, head, logKeys);
    const lines = text(files, 'events.ndjson').split('\n').filter(Boolean);
    const proofs = files.has('proofs.ndjson')
      ? text(files, 'proofs.ndjson').split('\n').filter(Boolean)
      : null;
    const last = new Map<string, Line>();
    const leaves: Uint8Array[] = [];
    lines.forEach((raw, i) => {
      const line = checkLine(raw, i + 1);
      const before = last.get(line.stream);
      if (
        line.revision === 0
          ? line.prevHash !== '0'.repeat(64)
          : before?.revision === line.revision - 1 && before.hash !== line.prevHash
      )
        fail('broken-link', `Sự kiện không nối tiếp sự kiện trước trong luồng ${line.stream}`, i + 1);
      last.set(line.stream, line);
      if (proofs) {
        const proof = JSON.parse(proofs[i] ?? fail('inclusion', 'Thiếu bằng chứng bao hàm', i + 1)) as {
          leafIndex: number;
          proof: string[];
        };
        if (
          proof.leafIndex !== line.leafIndex ||
          !verifyInclusion(line.leafIndex, head.treeSize, leafHash(line.hash), proof.proof, head.rootHash)
        )
          fail('inclusion', 'Sự kiện không nằm trong cây đã ký (bằng chứng bao hàm sai)', i + 1);
      } else {
        if (line.leafIndex !== i) fail('missing', 'Gói đầy đủ thiếu hoặc đảo thứ tự sự kiện', i + 1);
        leaves.push(leafHash(line.hash));
      }
    });
    if (!proofs && (leaves.length !== head.treeSize || rootOf(leaves) !== head.rootHash))
      fail('root-mismatch', 'Gốc cây tính lại từ các sự kiện khác với gốc đã ký');
    let checkpoint: NoteSignature[] | null = null;
    if (files.has('checkpoint')) {
      const note = verifyNote(text(files, 'checkpoint'), [...logKeys, ...witnessKeys]);
      if (!note || !note.signatures.some((s) => s.verifiedAs === 'log'))
        fail('checkpoint-signature', 'Điểm kiểm tra không có chữ ký hợp lệ của nhật ký theo khóa đã ghim');
      checkpoint = note!.signatures;
    }
    return { ok: true, events: lines.length, treeSize: head.treeSize, kind, checkpoint };
  } catch (error) {
    if (error instanceof Failed) return { ok: false, failure: error.failure };
    return {
      ok: false,
      failure: { check: 'unreadable', message: `Không đọc được gói: ${(error as Error).message}` },
    };
  }
}
