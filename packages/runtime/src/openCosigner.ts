import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import {
  createCosigner,
  parseTlogPolicy,
  rawPublicKey,
  type Cosigner,
  type Ledger,
  type TlogPolicy,
  type TreeHeadSigner,
} from '@dacxa/audit';
import { ConfigError, type Config } from './config.js';
import { checkpointsOf } from './openLedger.js';
import { createPublicKey } from 'node:crypto';

/**
 * The witness policy DACXA_WITNESS_POLICY names, checked against this log: it must list the log's
 * own key under its origin (else the witnesses would be asked about another log), and every
 * witness it counts must have a URL to be asked at.
 */
export function witnessPolicy(config: Config, signer: TreeHeadSigner): TlogPolicy | null {
  const file = config.DACXA_WITNESS_POLICY;
  if (!file) return null;
  let policy: TlogPolicy;
  try {
    policy = parseTlogPolicy(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      `DACXA_WITNESS_POLICY: không đọc được chính sách nhân chứng (unreadable tlog policy: ${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const ours = rawPublicKey(createPublicKey(signer.publicKeyPem));
  const listed = policy.logs.some(
    (log) => log.verifier.name === config.DACXA_LOG_ORIGIN && rawPublicKey(log.verifier.key).equals(ours),
  );
  if (!listed)
    throw new ConfigError(
      `DACXA_WITNESS_POLICY: chính sách không có khóa của nhật ký này (the policy has no "log" line with this log's key: ${signer.verifierKey(config.DACXA_LOG_ORIGIN)})`,
    );
  const unasked = [...policy.witnesses].filter(([, w]) => !w.url).map(([name]) => name);
  if (unasked.length > 0)
    throw new ConfigError(
      `DACXA_WITNESS_POLICY: nhân chứng không có địa chỉ (witnesses without a URL to ask: ${unasked.join(', ')})`,
    );
  return policy;
}

/**
 * The publisher of this log's checkpoints: it signs each new tree size under DACXA_LOG_ORIGIN,
 * has the policy's witnesses cosign it, and publishes it once the quorum has.
 */
export function openCosigner(
  config: Config,
  ledger: Ledger,
  signer: TreeHeadSigner,
  logger: Logger,
): { cosigner: Cosigner; policy: TlogPolicy | null } {
  const policy = witnessPolicy(config, signer);
  const { sign } = checkpointsOf(config, signer);
  const cosigner = createCosigner({
    tree: ledger,
    sign,
    policy,
    intervalMs: config.DACXA_CHECKPOINT_MS,
    logger,
  });
  return { cosigner, policy };
}

/**
 * What the api serves of the audit trail, as every process that serves it wires it: the ledger,
 * the log's key, its C2SP identity and the checkpoints the witnesses cosigned.
 */
export function auditServed(config: Config, ledger: Ledger, signer: TreeHeadSigner, cosigner: Cosigner) {
  return {
    ledger,
    publicKeyPem: signer.publicKeyPem,
    keyId: signer.keyId,
    checkpoints: {
      ...checkpointsOf(config, signer),
      published: cosigner,
      health: () => cosigner.health(),
    },
  };
}
