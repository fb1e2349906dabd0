import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { GENESIS_HASH, chainHash } from '@dacxa/event-store';
import { BUNDLE_FORMAT, ENVELOPE_KEY, type BundleProof, type Manifest } from './bundleFormat.js';
import { sha256OfFile } from './fileHash.js';
import { MerkleTree, leafHash, verifyInclusion } from './merkle.js';
import { verifyTreeHead, type TreeHead } from './treeHead.js';

export type BundleFailureReason =
  | 'unreadable'
  | 'file-hash'
  | 'signature'
  | 'untrusted-key'
  | 'hash-mismatch'
  | 'broken-link'
  | 'revision-gap'
  | 'missing'
  | 'reordered'
  | 'inclusion'
  | 'head-mismatch'
  | 'root-mismatch'
  | 'count';

export interface BundleFailure {
  reason: BundleFailureReason;
  /** The log position of the first event found wrong, where one can be named. */
  position: string | null;
  leafIndex: number | null;
  message: string;
}

export type BundleReport =
  | { ok: true; events: number; streams: number; treeHead: TreeHead; complete: boolean }
  | { ok: false; events: number; failure: BundleFailure };

export interface VerifyOptions {
  /** The public key the auditor trusts (PEM), obtained apart from the bundle; else the bundle's own. */
  trustedPublicKeyPem?: string;
  onProgress?: (events: number) => void;
}

// A line is `{"leafIndex":…,"position":"…","prevHash":"…","hash":"…","envelope":<canonical text>}`.
const HEAD = /^\{"leafIndex":(\d+),"position":"(\d+)","prevHash":"([0-9a-f]{64})","hash":"([0-9a-f]{64})"$/;
// In canonical (RFC 8785) order these are the envelope's last keys, and their values plain ASCII.
const LAST_KEYS = /,"revision":(\d+),"schemaVersion":\d+,"stream":"([^"\\]+)","type":"([^"\\]+)"\}$/;

function lines(file: string): AsyncIterator<string> {
  return createInterface({ input: createReadStream(file), crlfDelay: Infinity })[Symbol.asyncIterator]();
}

/**
 * Verifies a bundle offline, with nothing but its files (docs/audit-format.md): each file's
 * SHA-256, the tree head's Ed25519 signature, every event's hash and every stream's chain, then
 * either the whole log's root (a complete bundle: nothing missing, added or reordered, every tree
 * head inside it matching the events before it) or each event's inclusion proof. Stops at the
 * first failure and names it.
 */
export async function verifyBundle(dir: string, options: VerifyOptions = {}): Promise<BundleReport> {
  let count = 0;
  const fail = (
    reason: BundleFailureReason,
    message: string,
    at: { position?: string; leafIndex?: number } = {},
  ): BundleReport => ({
    ok: false,
    events: count,
    failure: { reason, message, position: at.position ?? null, leafIndex: at.leafIndex ?? null },
  });

  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return fail('unreadable', `no readable manifest.json in ${dir}`);
  }
  if (manifest.format !== BUNDLE_FORMAT) return fail('unreadable', `not a ${String(BUNDLE_FORMAT)} bundle`);
  for (const [name, expected] of Object.entries(manifest.files)) {
    const file = join(dir, name);
    if (!existsSync(file)) return fail('file-hash', `${name} is missing`);
    if ((await sha256OfFile(file)) !== expected)
      return fail('file-hash', `${name} does not match its SHA-256 in the manifest`);
  }
  const head = manifest.treeHead;
  const publicKey = options.trustedPublicKeyPem ?? readFileSync(join(dir, 'public-key.pem'), 'utf8');
  if (!verifyTreeHead(head, publicKey)) {
    return fail(
      options.trustedPublicKeyPem ? 'untrusted-key' : 'signature',
      'the tree head is not signed by the key it names, or the key is not the one trusted',
    );
  }
  const root = Buffer.from(head.rootHash, 'hex');
  const tree = manifest.complete ? new MerkleTree() : null;
  const proofs = manifest.complete ? null : lines(join(dir, 'proofs.ndjson'));
  const chains = new Map<string, { revision: number; hash: string }>();
  let lastLeaf = -1;
  let lastPosition: bigint | null = null;

  for await (const text of createInterface({
    input: createReadStream(join(dir, 'events.ndjson')),
    crlfDelay: Infinity,
  })) {
    // The line's head, then the envelope's text as hashed: each read on its own.
    const tail = text.indexOf(ENVELOPE_KEY);
    const fields = tail < 0 ? null : HEAD.exec(text.slice(0, tail));
    const envelopeText = tail < 0 ? '' : text.slice(tail + ENVELOPE_KEY.length, -1);
    const last = LAST_KEYS.exec(envelopeText);
    if (!fields || !last || !text.endsWith('}'))
      return fail('unreadable', `line ${count + 1} of events.ndjson is not an event in this format`);
    const event = {
      leafIndex: Number(fields[1]),
      position: fields[2] as string,
      prevHash: fields[3] as string,
      hash: fields[4] as string,
      revision: Number(last[1]),
      stream: last[2] as string,
      type: last[3] as string,
    };
    const at = { position: event.position, leafIndex: event.leafIndex };
    if (event.leafIndex <= lastLeaf || (lastPosition !== null && BigInt(event.position) <= lastPosition))
      return fail('reordered', `event ${event.position} comes after ${String(lastPosition)}`, at);
    if (tree && event.leafIndex !== lastLeaf + 1)
      return fail('missing', `leaf ${lastLeaf + 1} is missing before position ${event.position}`, {
        leafIndex: lastLeaf + 1,
      });
    // The envelope's bytes as written are what the hash covers: hashed as they stand.
    if (chainHash(event.prevHash, envelopeText) !== event.hash)
      return fail('hash-mismatch', `${event.stream}@${event.revision}: content does not match its hash`, at);
    const chain = chains.get(event.stream);
    if (chain ? event.revision !== chain.revision + 1 : tree !== null && event.revision !== 0)
      return fail(
        'revision-gap',
        `${event.stream}: revision ${event.revision} follows ${chain?.revision ?? 'nothing'}`,
        at,
      );
    if ((chain ? chain.hash : event.revision === 0 ? GENESIS_HASH : event.prevHash) !== event.prevHash)
      return fail(
        'broken-link',
        `${event.stream}@${event.revision}: prevHash does not match the event before`,
        at,
      );
    chains.set(event.stream, { revision: event.revision, hash: event.hash });
    const leaf = leafHash(Buffer.from(event.hash, 'hex'));
    if (tree) {
      tree.append(leaf);
      // Every head signed earlier, kept in the log itself, must match the events before it.
      if (event.type === 'TreeHeadSigned') {
        const earlier = (JSON.parse(envelopeText) as { data: TreeHead }).data;
        if (
          earlier.treeSize > tree.size - 1 ||
          tree.root(earlier.treeSize).toString('hex') !== earlier.rootHash
        )
          return fail(
            'head-mismatch',
            `the tree head signed at ${earlier.signedAt} (size ${earlier.treeSize}) does not match the events before it`,
            at,
          );
      }
    } else if (proofs) {
      const next = await proofs.next();
      const proof = next.done ? null : (JSON.parse(next.value) as BundleProof);
      if (
        !proof ||
        proof.leafIndex !== event.leafIndex ||
        !verifyInclusion(
          event.leafIndex,
          head.treeSize,
          leaf,
          proof.proof.map((h) => Buffer.from(h, 'hex')),
          root,
        )
      )
        return fail('inclusion', `event ${event.position} is not proven to be in the signed tree`, at);
    }
    lastLeaf = event.leafIndex;
    lastPosition = BigInt(event.position);
    count++;
    if (count % 10_000 === 0) options.onProgress?.(count);
  }
  if (count !== manifest.counts.events)
    return fail('count', `the manifest declares ${manifest.counts.events} events; the bundle holds ${count}`);
  if (tree) {
    if (tree.size !== head.treeSize)
      return fail(
        'missing',
        `the bundle ends at leaf ${tree.size - 1}; the signed tree has ${head.treeSize}`,
        {
          leafIndex: tree.size,
        },
      );
    if (!tree.root().equals(root)) return fail('root-mismatch', 'the events do not make the signed root');
  }
  options.onProgress?.(count);
  return { ok: true, events: count, streams: chains.size, treeHead: head, complete: manifest.complete };
}
