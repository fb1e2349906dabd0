import { createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from './bundleFailure.js';
import { BUNDLE_FILES as F } from './bundleFormat.js';
import { publicKeyFromRaw, rawPublicKey } from './signedNote.js';
import type { TlogPolicy } from './tlogPolicy.js';
import { keyIdOf } from './treeHead.js';

const pemOf = (raw: Buffer) => publicKeyFromRaw(raw).export({ type: 'spki', format: 'pem' }).toString();

/**
 * The key a bundle must be signed by: with a policy, its log key whose id the manifest's tree head
 * names (the manifest is then authenticated with it, nothing taken from the bundle); else the key
 * the auditor passed, if any (null: the bundle's own). A problem when no key of the policy signed it.
 */
export function trustedKey(
  dir: string,
  trustedPem: string | undefined,
  policy: TlogPolicy | null,
): string | Problem | null {
  if (!policy) return trustedPem ?? null;
  const file = join(dir, F.manifest);
  let keyId: unknown = null;
  try {
    keyId = existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as { treeHead?: { keyId?: unknown } }).treeHead?.keyId
      : null;
  } catch {
    keyId = null; // openBundle names what is unreadable
  }
  const logs = policy.logs.map((l) => rawPublicKey(l.verifier.key));
  const raw = logs.find((key) => keyIdOf(publicKeyFromRaw(key)) === keyId);
  const given = trustedPem ? rawPublicKey(createPublicKey(trustedPem)) : null;
  if (!raw || (given && !given.equals(raw)))
    return {
      reason: 'untrusted-key',
      message: `Gói được ký bằng khóa ${String(keyId)}, không phải khóa nhật ký trong chính sách (the bundle is not signed by the policy's log key)`,
    };
  return pemOf(raw);
}
