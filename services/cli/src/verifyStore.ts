import { existsSync, readFileSync } from 'node:fs';
import { MerkleTree, leafHash, verifyTreeHead, type TreeHead } from '@dacxa/audit';
import { verifyChain, type EventStore, type RecordedEvent } from '@dacxa/event-store';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import { auditSigner, type Config } from '@dacxa/runtime';

/** Why a store check stopped: a chain failure (verifyChain) or one of the log's own. */
export type StoreFailureReason =
  | 'hash-mismatch'
  | 'broken-link'
  | 'revision-gap'
  | 'out-of-order'
  | 'unreadable'
  | 'column-mismatch'
  | 'position-gap'
  | 'head-unreadable'
  | 'head-size'
  | 'head-root-mismatch'
  | 'head-signature'
  | 'leaf-mismatch';

/** The first failure a store check found, by position. */
export interface StoreFailure {
  reason: StoreFailureReason;
  position: bigint | null;
  message: string;
}

/** What each failure means, for the person reading the report. */
const VIETNAMESE: Record<StoreFailureReason, string> = {
  'hash-mismatch': 'nội dung sự kiện không khớp mã băm của nó',
  'broken-link': 'prevHash không khớp mã băm của sự kiện trước trong luồng',
  'revision-gap': 'luồng thiếu một phiên bản',
  'out-of-order': 'vị trí không tăng dần',
  unreadable: 'không đọc được dữ liệu đã lưu',
  'column-mismatch': 'cột dữ liệu không khớp sự kiện đã băm',
  'position-gap': 'các vị trí không liên tục 1, 2, 3…',
  'head-unreadable': 'gốc cây đã ký không đọc được',
  'head-size': 'gốc cây đã ký cho nhiều sự kiện hơn số sự kiện đứng trước nó',
  'head-root-mismatch': 'gốc cây đã ký không khớp cây Merkle dựng lại từ nhật ký',
  'head-signature': 'chữ ký Ed25519 của gốc cây không đúng với khóa kiểm toán',
  'leaf-mismatch': 'sự kiện không còn là sự kiện mà cây Merkle đã lưu ghi nhận (bị sửa khi dừng máy?)',
};

/** One line a person reads: where, why in Vietnamese, then the detail in English. */
export function failureLine({ position, reason, message }: StoreFailure): string {
  return `LỖI tại vị trí ${position ?? '?'} (${reason}): ${VIETNAMESE[reason]} (${message})`;
}

/** Ends a check at its first failure. */
export class Stop extends Error {
  constructor(readonly failure: StoreFailure) {
    super(failure.message);
  }
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Refuses a signed tree head (throws a Stop) unless its root is the rebuilt tree's at its size and
 * its Ed25519 signature holds. `leavesBefore`: how many events precede the head's own in the log.
 */
export function checkHead(
  event: RecordedEvent,
  leavesBefore: number,
  rootAt: (size: number) => string,
  publicKeyPem: () => string,
): void {
  const head = event.data as unknown as TreeHead;
  const stop = (reason: StoreFailureReason, message: string) =>
    new Stop({ reason, position: event.position, message });
  if (
    !Number.isSafeInteger(head.treeSize) ||
    head.treeSize < 1 ||
    typeof head.rootHash !== 'string' ||
    !HEX64.test(head.rootHash) ||
    typeof head.signature !== 'string' ||
    typeof head.keyId !== 'string' ||
    typeof head.signedAt !== 'string'
  )
    throw stop('head-unreadable', 'TreeHeadSigned data is not a tree head');
  // The head is signed, then appended: its tree is the events before its own.
  if (head.treeSize > leavesBefore)
    throw stop('head-size', `a head for ${head.treeSize} events follows only ${leavesBefore}`);
  const root = rootAt(head.treeSize);
  if (root !== head.rootHash)
    throw stop(
      'head-root-mismatch',
      `root at size ${head.treeSize} is ${root}, the head says ${head.rootHash}`,
    );
  if (!verifyTreeHead(head, publicKeyPem()))
    throw stop(
      'head-signature',
      `the head for size ${head.treeSize} (key ${head.keyId}) fails Ed25519 verification`,
    );
}

/** What a full check counted on the way. */
interface Tally {
  events: number;
  heads: number;
}

/**
 * The log on its way to verifyChain, checked as it passes: positions 1, 2, 3…, the Merkle tree
 * rebuilt leaf by leaf as the ledger builds it, and every signed tree head (after verifyChain
 * accepted its own event) against that tree and the audit key.
 */
async function* checkedLog(
  events: AsyncIterable<RecordedEvent>,
  publicKeyPem: () => string,
  tally: Tally,
  onEvent: (count: number) => void,
): AsyncGenerator<RecordedEvent> {
  const tree = new MerkleTree();
  for await (const event of events) {
    if (event.position !== BigInt(tree.size + 1))
      throw new Stop({
        reason: 'position-gap',
        position: event.position,
        message: `the event after position ${tree.size} is at ${event.position}`,
      });
    tree.append(leafHash(Buffer.from(event.hash, 'hex')));
    yield event;
    tally.events = tree.size;
    if (event.type === 'TreeHeadSigned') {
      checkHead(event, tree.size - 1, (size) => tree.root(size).toString('hex'), publicKeyPem);
      tally.heads++;
    }
    onEvent(tree.size);
  }
}

/** Every check over the whole log: chains, positions, the tree and every signed head. */
export async function verifyLog(
  store: EventStore,
  publicKeyPem: () => string,
  onEvent: (count: number) => void = () => undefined,
): Promise<
  { ok: true; events: number; streams: number; heads: number } | { ok: false; failure: StoreFailure }
> {
  const tally: Tally = { events: 0, heads: 0 };
  try {
    const report = await verifyChain(checkedLog(store.readAll(), publicKeyPem, tally, onEvent));
    if (!report.ok) return { ok: false, failure: report.failure };
    return { ok: true, events: tally.events, streams: report.streams, heads: tally.heads };
  } catch (error) {
    if (error instanceof Stop) return { ok: false, failure: error.failure };
    throw error;
  }
}

/** The audit key to hold heads to: a PEM file given, else the configured key (read once, when needed). */
export function publicKeyOf(config: Config, file: string | undefined): () => string {
  let pem: string | undefined;
  return () => (pem ??= file ? readFileSync(file, 'utf8') : auditSigner(config).publicKeyPem);
}

export interface VerifyStoreOptions {
  /** The audit key's public half (PEM); asked for only when the log holds a signed head. */
  publicKeyPem: () => string;
  out: (line: string) => void;
  /** How often a long run prints how far it got; 2 s by default. */
  progressEveryMs?: number;
}

/** `dacxa verify-store`: every check over a store file, with progress; false on the first failure. */
export async function runVerifyStore(file: string, options: VerifyStoreOptions): Promise<boolean> {
  const { out, progressEveryMs = 2_000 } = options;
  if (!existsSync(file)) {
    out(`Không tìm thấy tệp ${file} (no such store file)`);
    return false;
  }
  const store = getSqliteEventStore({ path: file });
  try {
    const total = Number((await store.headPosition()) ?? 0n);
    let shown = Date.now();
    const report = await verifyLog(store, options.publicKeyPem, (count) => {
      if (Date.now() - shown < progressEveryMs) return;
      shown = Date.now();
      const percent = Math.floor((count / Math.max(total, 1)) * 100);
      out(`  … ${count.toLocaleString('vi-VN')}/${total.toLocaleString('vi-VN')} sự kiện (${percent}%)`);
    });
    if (!report.ok) out(failureLine(report.failure));
    else
      out(
        `Toàn vẹn: ${report.events} sự kiện ở vị trí 1–${report.events} liên tục, ${report.streams} luồng, ` +
          `${report.heads} gốc cây đã ký khớp cây Merkle dựng lại và khóa kiểm toán ` +
          `(chains, positions, tree heads and their signatures intact).`,
      );
    return report.ok;
  } finally {
    await store.close();
  }
}
