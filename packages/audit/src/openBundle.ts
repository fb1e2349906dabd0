import { createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BUNDLE_FILES as F,
  BUNDLE_FORMAT,
  kindOf,
  leafOfTlogProofName,
  listedFiles,
  type Manifest,
} from './bundleFormat.js';
import { sha256OfFile } from './fileHash.js';
import { keyIdOf, verifyManifestSignature, verifyTreeHead, type TreeHead } from './treeHead.js';

/** Why a bundle's wrapping is refused, before any event is read. */
export type OpeningFailure =
  | 'unreadable'
  | 'unsupported-format'
  | 'untrusted-key'
  | 'manifest-signature'
  | 'signature'
  | 'file-hash'
  | 'manifest-mismatch';

export type Opened =
  | { ok: true; manifest: Manifest; publicKeyPem: string }
  | { ok: false; reason: OpeningFailure; message: string };

const HEAD_FIELDS = ['treeSize', 'rootHash', 'signedAt', 'keyId', 'signature'] as const;
const sameHead = (a: Partial<TreeHead> | null, b: TreeHead) => HEAD_FIELDS.every((k) => a?.[k] === b[k]);
const read = (dir: string, name: string) =>
  existsSync(join(dir, name)) ? readFileSync(join(dir, name)) : null;
const fail = (reason: OpeningFailure, message: string): Opened => ({ ok: false, reason, message });

function parse<T>(bytes: Buffer | null): T | null {
  try {
    return bytes ? (JSON.parse(bytes.toString('utf8')) as T) : null;
  } catch {
    return null;
  }
}

function idOf(pem: string): string | null {
  try {
    return keyIdOf(createPublicKey(pem));
  } catch {
    return null;
  }
}

const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The members a verifier reads, of the types it reads them as. */
const wellFormed = (m: Manifest) =>
  ['complete', 'disclosure', 'selection'].includes(m.kind) &&
  [m.filter, m.counts, m.labels, m.files].every(isObject) &&
  Array.isArray(m.streams) &&
  Array.isArray(m.continuations) &&
  typeof m.createdAt === 'string';

/**
 * Everything a bundle says about itself, authenticated: manifest.json signed (manifest.sig) by the
 * trusted key, which signed its tree head too; exactly the files its kind requires listed, each
 * with its SHA-256; tree-head.json the manifest's head; public-key.pem the key the head names.
 */
export async function openBundle(
  dir: string,
  trustedPublicKeyPem?: string,
  /** Files whose SHA-256 the caller checks itself, alongside reading them (the events, the CSV). */
  deferHashes: readonly string[] = [],
): Promise<Opened> {
  const bytes = read(dir, F.manifest);
  const manifest = parse<Manifest>(bytes);
  if (!bytes || !isObject(manifest) || !manifest)
    return fail('unreadable', `no readable ${F.manifest} in ${dir}`);
  if ((manifest.format as string) === 'dacxa-audit-bundle-v1')
    return fail(
      'unsupported-format',
      'a v1 bundle: its manifest is not signed; export it again (dacxa export)',
    );
  if (manifest.format !== BUNDLE_FORMAT || !isObject(manifest.treeHead))
    return fail('unreadable', `not a ${BUNDLE_FORMAT} bundle`);
  const bundleKey = read(dir, F.publicKey)?.toString('utf8') ?? null;
  const publicKeyPem = trustedPublicKeyPem ?? bundleKey;
  const keyId = publicKeyPem ? idOf(publicKeyPem) : null;
  if (!publicKeyPem || !keyId)
    return fail('unreadable', `no readable ${F.publicKey} and no trusted key given`);
  if (trustedPublicKeyPem && manifest.treeHead.keyId !== keyId)
    return fail(
      'untrusted-key',
      `the bundle is signed by key ${manifest.treeHead.keyId}, not the trusted ${keyId}`,
    );
  const signature = read(dir, F.signature)?.toString('utf8').trim() ?? '';
  if (!verifyManifestSignature(bytes, keyId, signature, publicKeyPem))
    return fail('manifest-signature', `${F.manifest} is not signed by key ${keyId} (${F.signature})`);
  if (!verifyTreeHead(manifest.treeHead, publicKeyPem))
    return fail('signature', 'the tree head is not signed by the key it names');
  if (!wellFormed(manifest)) return fail('unreadable', `${F.manifest} lacks a member of the format`);
  if (kindOf(manifest.filter) !== manifest.kind)
    return fail(
      'manifest-mismatch',
      `a ${manifest.kind} bundle cannot have the filter ${JSON.stringify(manifest.filter)}`,
    );
  return (await checkFiles(dir, manifest, bundleKey, deferHashes)) ?? { ok: true, manifest, publicKeyPem };
}

/**
 * Whether the manifest lists exactly its kind's files, and, with a checkpoint, a tlog-proof per
 * event unless the bundle is complete (which of them, the events say: one each).
 */
function listsItsFiles(manifest: Manifest): boolean {
  const names = Object.keys(manifest.files);
  const proofs = names.filter((n) => leafOfTlogProofName(n) !== null);
  const rest = names.filter((n) => leafOfTlogProofName(n) === null).sort();
  const withCheckpoint = rest.includes(F.checkpoint);
  const required = [...listedFiles(manifest.kind), ...(withCheckpoint ? [F.checkpoint] : [])].sort();
  const proofsExpected = withCheckpoint && manifest.kind !== 'complete' ? manifest.counts.events : 0;
  return rest.join() === required.join() && proofs.length === proofsExpected;
}

/** The files the signed manifest lists: exactly its kind's, each as hashed; the head and key again. */
async function checkFiles(
  dir: string,
  manifest: Manifest,
  bundleKey: string | null,
  deferHashes: readonly string[],
): Promise<Opened | null> {
  if (!listsItsFiles(manifest))
    return fail(
      'manifest-mismatch',
      `a ${manifest.kind} bundle lists ${[...listedFiles(manifest.kind), `[${F.checkpoint}]`].join(', ')}; this one ${Object.keys(manifest.files).slice(0, 12).join(', ')}`,
    );
  for (const [name, expected] of Object.entries(manifest.files)) {
    if (!existsSync(join(dir, name))) return fail('file-hash', `${name} is missing`);
    if (!deferHashes.includes(name) && (await sha256OfFile(join(dir, name))) !== expected)
      return fail('file-hash', `${name} does not match its SHA-256 in the manifest`);
  }
  if (!sameHead(parse<TreeHead>(read(dir, F.treeHead)), manifest.treeHead))
    return fail('manifest-mismatch', `${F.treeHead} is not the manifest's tree head`);
  if (!bundleKey || idOf(bundleKey) !== manifest.treeHead.keyId)
    return fail('manifest-mismatch', `${F.publicKey} is not the key that signed the tree head`);
  return null;
}
