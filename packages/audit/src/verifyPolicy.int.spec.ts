import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import { BUNDLE_FILES as F, tlogProofName, type ExportFilter } from './bundleFormat.js';
import { readManifest, reseal } from './bundleTampering.js';
import { checkpointText } from './checkpoint.js';
import { exportBundle } from './exportBundle.js';
import { createLedger, type Ledger } from './ledger.js';
import type { CheckpointSource } from './publishedCheckpoint.js';
import { COSIGNATURE_ED25519, cosignatureLine, formatVerifierKey, signatureLine } from './signedNote.js';
import { CASES, writeTestLog } from './testLog.js';
import { parseTlogPolicy } from './tlogPolicy.js';
import { parseTlogProof } from './tlogProof.js';
import { createTreeHeadSigner, generateSigningKey } from './treeHead.js';
import { verifyBundle, type BundleReport } from './verifyBundle.js';

const root = mkdtempSync(join(tmpdir(), 'dacxa-policy-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const logKey = generateSigningKey();
const signer = createTreeHeadSigner(logKey);
const origin = 'dacxa.test/log';
const witness = generateKeyPairSync('ed25519').privateKey;
const vks = formatVerifierKey('vks.test/witness', createPublicKey(witness), COSIGNATURE_ED25519);
const file = join(root, 'log.sqlite');
const failureOf = (report: BundleReport) => (report.ok ? null : report.failure);
const policyOf = (text: string) => parseTlogPolicy(text);
const policy = policyOf(`log ${signer.verifierKey(origin)}\nwitness vks ${vks}\nquorum vks\n`);
beforeAll(() => writeTestLog(file, signer));

/** The note of a checkpoint signed by the log and cosigned by the witness. */
function cosigned(size: number, rootHex: string): string {
  const text = checkpointText({ origin, size, rootHash: Buffer.from(rootHex, 'hex') });
  const note = signer.signCheckpoint(origin, size, rootHex);
  return `${note}${cosignatureLine(text, 'vks.test/witness', witness, 1_800_000_000n)}`;
}

/** A checkpoint source as the cosigner would be: each signed head, cosigned. */
const sourceOf = (ledger: Ledger): CheckpointSource => ({
  latest: () => null,
  covering: (size) => {
    const head = ledger.heads().find((h) => h.treeSize >= size);
    if (!head) return Promise.reject(new Error('none'));
    const note = cosigned(head.treeSize, head.rootHash);
    return Promise.resolve({ treeSize: head.treeSize, rootHash: head.rootHash, note, witnesses: ['vks'] });
  },
});

async function cut(filter: ExportFilter, withSource = true) {
  const events = getSqliteEventStore({ path: file });
  const ledger = createLedger({ events, signer });
  ledger.start();
  try {
    const dir = mkdtempSync(join(root, 'bundle-'));
    const checkpoints = withSource ? { checkpoints: sourceOf(ledger) } : { origin };
    const manifest = await exportBundle({ events, ledger, signer, dir, filter, ...checkpoints });
    return { dir, manifest };
  } finally {
    await ledger.stop();
    await events.close();
  }
}

describe('dacxa verify --policy', () => {
  it('accepts a disclosure whose checkpoint the quorum cosigned and whose every event has its tlog-proof', async () => {
    const { dir, manifest } = await cut({ streams: [CASES.origin] });
    const proof = parseTlogProof(readFileSync(join(dir, tlogProofName(0)), 'utf8'));
    expect(proof.note).toBe(readFileSync(join(dir, F.checkpoint), 'utf8'));
    expect(Object.keys(manifest.files).filter((n) => n.endsWith('.tlog-proof'))).toHaveLength(
      manifest.counts.events,
    );
    expect(await verifyBundle(dir, { policy })).toMatchObject({
      ok: true,
      checkpoint: { policy: true, witnesses: ['vks'], treeSize: manifest.treeHead.treeSize },
    });
  });

  it('accepts a complete bundle against the root it recomputes, on worker threads as on one', async () => {
    const { dir } = await cut({});
    const one = await verifyBundle(dir, { policy, workers: 0, runBytes: 2048 });
    expect(one).toMatchObject({ ok: true, kind: 'complete', checkpoint: { policy: true } });
    expect(await verifyBundle(dir, { policy, workers: 2, runBytes: 2048 })).toEqual(one);
  });

  it('refuses a checkpoint the policy’s quorum did not cosign', async () => {
    const { dir } = await cut({ streams: [CASES.origin] }, false);
    expect(failureOf(await verifyBundle(dir, { policy }))).toMatchObject({ reason: 'checkpoint-quorum' });
    expect(await verifyBundle(dir)).toMatchObject({ ok: true, checkpoint: { policy: false, witnesses: [] } });
  });

  it('refuses a checkpoint whose root is not the bundle’s, even signed and cosigned', async () => {
    const { dir, manifest } = await cut({});
    writeFileSync(join(dir, F.checkpoint), cosigned(manifest.treeHead.treeSize, 'ab'.repeat(32)));
    await reseal(dir, signer);
    expect(failureOf(await verifyBundle(dir, { policy }))).toMatchObject({ reason: 'checkpoint-mismatch' });
  });

  it('refuses a tlog-proof that proves another event', async () => {
    const { dir } = await cut({ streams: [CASES.origin] });
    const [first, second] = Object.keys(readManifest(dir).files).filter((n) => n.endsWith('.tlog-proof'));
    copyFileSync(join(dir, second as string), join(dir, first as string));
    await reseal(dir, signer);
    expect(failureOf(await verifyBundle(dir, { policy }))).toMatchObject({ reason: 'tlog-proof' });
  });

  it('refuses a bundle signed by another log key than the policy’s, and a checkpoint signed by another', async () => {
    const { dir } = await cut({ streams: [CASES.origin] });
    const other = createTreeHeadSigner(generateSigningKey());
    const elsewhere = policyOf(`log ${other.verifierKey(origin)}\nwitness vks ${vks}\nquorum vks\n`);
    expect(failureOf(await verifyBundle(dir, { policy: elsewhere }))).toMatchObject({
      reason: 'untrusted-key',
    });
    const text = readFileSync(join(dir, F.checkpoint), 'utf8');
    const body = text.slice(0, text.indexOf('\n\n') + 1);
    const forged = `${body}\n${signatureLine(body, origin, generateKeyPairSync('ed25519').privateKey)}`;
    writeFileSync(join(dir, F.checkpoint), forged);
    await reseal(dir, signer);
    expect(failureOf(await verifyBundle(dir, { policy }))).toMatchObject({ reason: 'checkpoint-signature' });
  });
});
