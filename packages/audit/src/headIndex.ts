import type { Logger } from 'pino';
import type { RecordedEvent } from '@dacxa/event-store';
import { createPublicKey, verify } from 'node:crypto';
import { keyIdOf, treeHeadMessage, type TreeHead } from './treeHead.js';

/** verifyTreeHead with the key parsed once: a start that loads 1,000 heads parses one PEM, not 1,000. */
function headVerifier(publicKeyPem: string) {
  const key = createPublicKey(publicKeyPem);
  const keyId = keyIdOf(key);
  return (head: TreeHead) =>
    head.keyId === keyId && verify(null, treeHeadMessage(head), key, Buffer.from(head.signature, 'base64'));
}

/**
 * The signed heads a ledger has read from its log, where each one's own event sits, and what
 * they cover. A head the log's key did not sign, or one claiming leaves after its own event (the
 * log lost some), vouches for nothing: it is neither served nor cut at.
 */
export function createHeadIndex(verifyKey: string | undefined, log: Logger | undefined) {
  const heads: TreeHead[] = [];
  // The leaf each head's own event sits at: a head right after its tree covers itself too.
  const leaves: number[] = [];
  let signedUpTo = 0;
  let lastCoversItself = false;
  let lastRead = -1;
  const signedByKey = verifyKey ? headVerifier(verifyKey) : undefined;

  function keep(head: TreeHead, leafIndex: number, position: bigint): boolean {
    if (signedByKey && !signedByKey(head)) {
      log?.warn(
        { treeSize: head.treeSize, keyId: head.keyId, position },
        'a tree head in the log is not signed by the log key',
      );
      return false;
    }
    if (head.treeSize > leafIndex) {
      log?.warn(
        { treeSize: head.treeSize, leafIndex, position },
        'a tree head claims more events than precede it',
      );
      return false;
    }
    return true;
  }

  return {
    /** Notes the event read at `leafIndex`. */
    read(event: RecordedEvent, leafIndex: number): void {
      lastCoversItself = false;
      lastRead = leafIndex;
      if (event.type !== 'TreeHeadSigned') return;
      const head = event.data as unknown as TreeHead;
      if (!keep(head, leafIndex, event.position)) return;
      heads.push(head);
      leaves.push(leafIndex);
      signedUpTo = Math.max(signedUpTo, head.treeSize);
      lastCoversItself = head.treeSize === leafIndex;
    },
    /** Notes that the leaves up to `lastLeaf` were loaded, having been shown only the heads among them. */
    loadedTo(lastLeaf: number): void {
      if (lastRead !== lastLeaf) lastCoversItself = false;
    },
    /** Notes a head this ledger signed, before its event is read back. */
    signed(treeSize: number): void {
      signedUpTo = Math.max(signedUpTo, treeSize);
    },
    /** The largest size signed so far. */
    get signedUpTo(): number {
      return signedUpTo;
    },
    /** Whether the last leaf read is a head of the tree just before it: nothing is left to sign. */
    get lastCoversItself(): boolean {
      return lastCoversItself;
    },
    /** The newest head covering the first `size` leaves (or all but its own event), if any. */
    covering(size: number): TreeHead | null {
      for (let i = heads.length - 1; i >= 0; i--) {
        const head = heads[i] as TreeHead;
        if (head.treeSize + (leaves[i] === head.treeSize ? 1 : 0) >= size) return head;
      }
      return null;
    },
    all: (): readonly TreeHead[] => heads,
  };
}
