/**
 * The exact bytes of the log key's statements besides tree heads (docs/audit-format.md §3–4): each
 * starts with a line naming what it is, so no signature over one can pass for another.
 */

/** A stream as it stood at a signed tree: its last revision and that event's hash. */
export interface StreamHead {
  stream: string;
  /** The revision of the stream's last event among the tree's leaves. */
  revision: number;
  /** That event's hash: the end of the stream's chain. */
  lastHash: string;
  /** The tree head this holds at: its size and root. */
  treeSize: number;
  rootHash: string;
  signedAt: string;
  keyId: string;
  /** Base64 of the Ed25519 signature over `streamHeadMessage`. */
  signature: string;
}

/** UTF-8, seven lines each ending in \n. */
export function streamHeadMessage(head: Omit<StreamHead, 'keyId' | 'signature'>): Buffer {
  if (/[\n\r]/.test(head.stream)) throw new Error(`a stream name cannot hold a line break: ${head.stream}`);
  return Buffer.from(
    `dacxa-stream-head-v1\n${head.stream}\n${head.revision}\n${head.lastHash}\n${head.treeSize}\n${head.rootHash}\n${head.signedAt}\n`,
    'utf8',
  );
}

const MANIFEST_CONTEXT = Buffer.from('dacxa-bundle-manifest-v2\n', 'utf8');

/** The line `dacxa-bundle-manifest-v2` and a line feed, then manifest.json's bytes exactly as written. */
export function manifestMessage(manifestBytes: Uint8Array): Buffer {
  return Buffer.concat([MANIFEST_CONTEXT, manifestBytes]);
}
