import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import {
  createLedger,
  createTreeHeadSigner,
  generateSigningKey,
  type Ledger,
  type TreeHeadSigner,
} from '@dacxa/audit';
import { openTreeFile } from '@dacxa/event-store-sqlite';
import { ConfigError, ledgerTreeFile, type Config } from './config.js';
import { firstRunFile } from './firstRunFile.js';
import type { Stores } from './openStores.js';

/**
 * The ledger's signing key: DACXA_AUDIT_KEY, or the file DACXA_AUDIT_KEY_FILE names, or for the
 * embedded default a key generated on first run into the key folder (audit-ed25519.pem) (owner-only).
 */
export function auditSigner(config: Config): TreeHeadSigner {
  const file = config.DACXA_AUDIT_KEY_FILE;
  const variable = config.DACXA_AUDIT_KEY
    ? 'DACXA_AUDIT_KEY'
    : file
      ? 'DACXA_AUDIT_KEY_FILE'
      : 'audit-ed25519.pem';
  try {
    return createTreeHeadSigner(
      config.DACXA_AUDIT_KEY ??
        (file ? readFileSync(file, 'utf8') : firstRunFile(config, 'audit-ed25519.pem', generateSigningKey)),
    );
  } catch (error) {
    throw new ConfigError(
      `${variable}: không đọc được khóa ký Ed25519 (no readable Ed25519 signing key: ${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/**
 * The ledger as this process keeps it. The process that projects (the api on the embedded
 * default, the projector in a deployment) signs tree heads; api instances beside a projector only
 * follow the log, to serve proofs.
 */
export function openLedger(
  config: Config,
  stores: Pick<Stores, 'store'>,
  logger: Logger,
  role: 'signs' | 'follows',
): { ledger: Ledger; signer: TreeHeadSigner } {
  const signer = auditSigner(config);
  const ledger = createLedger({
    events: stores.store,
    // A follower still checks every head it reads against the log's key, and skips a forged one.
    ...(role === 'signs' ? { signer } : { publicKeyPem: signer.publicKeyPem }),
    signEvery: config.DACXA_AUDIT_SIGN_EVERY,
    signEveryMs: config.DACXA_AUDIT_SIGN_SECONDS * 1000,
    logger,
    ...treeOption(config),
  });
  return { ledger, signer };
}

/** The ledger's tree file (DACXA_TREE_FILE): loaded at start instead of hashing the whole log again. */
function treeOption(config: Config) {
  const path = ledgerTreeFile(config);
  if (!path) return {};
  try {
    return { tree: openTreeFile(path) };
  } catch (error) {
    throw new ConfigError(
      `DACXA_TREE_FILE: không mở được tệp cây của sổ cái ${path}; xóa tệp để dựng lại từ nhật ký (cannot open the ledger's tree file; delete it to rebuild it from the log: ${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** The log's C2SP identity for the API: its origin, its verifier key, and how it signs a checkpoint. */
export function checkpointsOf(config: Config, signer: TreeHeadSigner) {
  const origin = config.DACXA_LOG_ORIGIN;
  return {
    origin,
    verifierKey: signer.verifierKey(origin),
    sign: (treeSize: number, rootHash: string) => signer.signCheckpoint(origin, treeSize, rootHash),
  };
}
