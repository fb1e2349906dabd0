import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  LEDGER_STREAM,
  MerkleTree,
  createTreeHeadSigner,
  generateSigningKey,
  leafHash,
  parseCheckpointText,
  parseTlogPolicy,
  verifyCheckpointNote,
  type TreeHead,
} from '@dacxa/audit';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import { rewriteEvent } from '@dacxa/event-store-sqlite/testing';
import { spawnService } from './spawnService.js';

// The oversight bodies' witnesses as their own processes, each with its own key and file; the
// log publishes a checkpoint only once they cosign. Then the operator, who holds the log's key,
// rewrites an old event and re-signs every tree head: both witnesses refuse, nothing is published,
// and an auditor holding an earlier checkpoint proves the history changed.
const root = mkdtempSync(join(tmpdir(), 'dacxa-witnesses-'));
const running: Array<ReturnType<typeof spawnService>> = [];
afterAll(async () => {
  for (const process of running) if (process.child.exitCode === null) process.child.kill('SIGTERM');
  await Promise.all(running.map((p) => p.exited));
  rmSync(root, { recursive: true, force: true });
});

const ORIGIN = 'dacxa.test/witnessed-log';
const logKey = generateSigningKey();
const logSigner = createTreeHeadSigner(logKey);
const keyFile = join(root, 'audit-ed25519.pem');
writeFileSync(keyFile, logKey, { mode: 0o600 });
const dataDir = join(root, 'data');
const CLI = 'services/cli/src/main.ts';

async function startWitness(name: string, dir: string) {
  const witness = spawnService(
    CLI,
    [
      'witness',
      ...['--name', name, '--log', logSigner.verifierKey(ORIGIN), '--port', '0'],
      ...['--key', join(root, `${dir}.key`), '--db', join(root, `${dir}.sqlite`)],
    ],
    {},
  );
  running.push(witness);
  const [, url] = await witness.printed(/đang chạy tại (http:\/\/127\.0\.0\.1:\d+)/);
  const [, vkey] = await witness.printed(/nhật ký\): (\S+)/);
  return { url: url ?? '', vkey: vkey ?? '' };
}

const serverEnv = (policyFile: string) => ({
  DACXA_DATA_DIR: dataDir,
  DACXA_AUDIT_KEY_FILE: keyFile,
  DACXA_LOG_ORIGIN: ORIGIN,
  DACXA_WITNESS_POLICY: policyFile,
  PORT: '0',
  LOG_LEVEL: 'info',
});

function serve(policyFile: string) {
  const server = spawnService(CLI, ['serve'], serverEnv(policyFile));
  running.push(server);
  return server;
}

/** A one-shot CLI command; resolves with its exit code and everything it printed. */
async function dacxa(args: string[], env: Record<string, string>) {
  const command = spawnService(CLI, args, { LOG_LEVEL: 'warn', ...env });
  const code = await command.exited;
  return { code, output: command.output() };
}

async function stop(process: ReturnType<typeof spawnService>): Promise<void> {
  process.child.kill('SIGTERM');
  expect(await process.exited).toBe(0);
}

async function until<T>(probe: () => Promise<T | null>, what: string, ms = 30_000): Promise<T> {
  for (
    const deadline = Date.now() + ms;
    Date.now() < deadline;
    await new Promise((r) => setTimeout(r, 100))
  ) {
    const found = await probe();
    if (found !== null) return found;
  }
  throw new Error(`${what} did not happen in ${ms} ms`);
}

/** The operator's forgery: one old event rewritten, its stream re-chained, every head re-signed. */
async function forge(file: string, position: number): Promise<void> {
  rewriteEvent(file, position, (data) => {
    // A name, not a code: the forged log must still read as a valid one.
    data.name = 'Đơn vị đã bị sửa tên (forged)';
  });
  const store = getSqliteEventStore({ path: file });
  const heads: Array<{ position: number; head: TreeHead }> = [];
  for await (const event of store.readStream(LEDGER_STREAM))
    heads.push({ position: Number(event.position), head: event.data as unknown as TreeHead });
  await store.close();
  // Each head covers events before it, so re-signing in log order sees every earlier change.
  for (const { position: at, head } of heads) {
    const tree = new MerkleTree();
    const reread = getSqliteEventStore({ path: file });
    for await (const event of reread.readAll()) {
      if (tree.size >= head.treeSize) break;
      tree.append(leafHash(Buffer.from(event.hash, 'hex')));
    }
    await reread.close();
    const signed = logSigner.sign(head.treeSize, tree.root(head.treeSize).toString('hex'), head.signedAt);
    rewriteEvent(file, at, (data) => Object.assign(data, signed));
  }
}

describe('witnesses run by the procuracy and the Front, as separate processes', () => {
  it('cosign the honest log, refuse the operator’s rewrite, and an auditor’s saved checkpoint proves it', async () => {
    const vks = await startWitness('vks.test/witness', 'vks');
    const mttq = await startWitness('mttq.test/witness', 'mttq');
    const policyFile = join(root, 'policy.txt');
    const policyText = [
      `log ${logSigner.verifierKey(ORIGIN)}`,
      `witness vks ${vks.vkey} ${vks.url}`,
      `witness mttq ${mttq.vkey} ${mttq.url}`,
      'group oversight any vks mttq',
      'quorum oversight',
      '',
    ].join('\n');
    writeFileSync(policyFile, policyText);
    const policy = parseTlogPolicy(policyText);

    const honest = serve(policyFile);
    const [, url] = await honest.printed(/đang chạy tại (http:\/\/127\.0\.0\.1:\d+)/, 120_000);
    await honest.printed(/Nhân chứng: vks/);
    const [, auditor] = await honest.printed(/auditor \(thanh-tra-tinh\): (\S+)/);
    // The auditor saves a checkpoint both witnesses cosigned.
    const saved = await until(async () => {
      const reply = await fetch(`${url}/checkpoint`);
      if (reply.status !== 200) return null;
      const note = await reply.text();
      return verifyCheckpointNote(note, policy).witnesses.length === 2 ? note : null;
    }, 'a checkpoint cosigned by both witnesses');
    const checkpoint = parseCheckpointText(verifyCheckpointNote(saved, policy).text);
    const health = (await (await fetch(`${url}/health`)).json()) as { status: string };
    expect(health.status).toBe('ok');

    // A whole-log bundle carries a checkpoint the witnesses cosigned, and verifies offline
    // against the policy alone (no key taken from the bundle).
    const bundle = join(root, 'bundle-all');
    const exported = await dacxa(['export', '--out', bundle], serverEnv(policyFile));
    expect(exported.code, exported.output).toBe(0);
    expect(exported.output).toContain('nhân chứng ký xác nhận');
    const verified = await dacxa(['verify', bundle, '--policy', policyFile], {});
    expect(verified.code, verified.output).toBe(0);
    await stop(honest);

    // The operator rewrites the log's third event and re-signs every head with the log's key.
    for (const file of readdirSync(dataDir)) if (/tree/.test(file)) rmSync(join(dataDir, file));
    await forge(join(dataDir, 'dacxa.sqlite'), 3);

    const forged = serve(policyFile);
    const [, forgedUrl] = await forged.printed(/đang chạy tại (http:\/\/127\.0\.0\.1:\d+)/, 120_000);
    const refused = await until(async () => {
      const body = (await (await fetch(`${forgedUrl}/health`)).json()) as {
        status: string;
        checkpoints: { witnesses: Array<{ name: string; refused: { reason: string } | null }> };
      };
      return body.checkpoints.witnesses.every((w) => w.refused) ? body : null;
    }, 'both witnesses refusing');
    expect(refused.status).toBe('alarm');
    expect(forged.output()).toContain('a witness refused the checkpoint');
    // Nothing the witnesses refused is ever published.
    const published = await fetch(`${forgedUrl}/checkpoint`);
    expect(published.status).toBe(503);
    expect(((await published.json()) as { code: string }).code).toBe('ERR_NO_CHECKPOINT');

    // docs/witnesses.md, "An auditor's check": consistency from the saved checkpoint.
    const proof = await fetch(
      `${forgedUrl}/audit/proofs/consistency?from=${checkpoint.size}&fromRoot=${Buffer.from(checkpoint.rootHash).toString('hex')}`,
      { headers: { authorization: `Bearer ${auditor}` } },
    );
    expect(proof.status).toBe(409);
    expect(((await proof.json()) as { code: string }).code).toBe('ERR_INCONSISTENT_HISTORY');
    await stop(forged);
  }, 240_000);
});
