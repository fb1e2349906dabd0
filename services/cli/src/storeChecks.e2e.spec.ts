import { execFile, spawn } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { LEDGER_STREAM, createLedger, createTreeHeadSigner, generateSigningKey } from '@dacxa/audit';
import { verifyChain, type RecordedEvent } from '@dacxa/event-store';
import { collect, someEvents } from '@dacxa/event-store/contract';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import { rewriteEvent, tamperFile } from '@dacxa/event-store-sqlite/testing';
import { loadConfig } from '@dacxa/runtime';
import { StoreCheckError, checkBeforeServing, checkEveryLeaf, holdLedger } from './startupCheck.js';
import { runVerifyStore } from './verifyStore.js';

const root = mkdtempSync(join(tmpdir(), 'dacxa-checks-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const KEY = generateSigningKey();
const PUBLIC = createPublicKey(KEY).export({ type: 'spki', format: 'pem' }).toString();

/** A data folder whose log has two cases and tree heads the real ledger signed between appends. */
async function signedData(): Promise<{ dir: string; file: string }> {
  const dir = join(root, `data-${dirs++}`);
  mkdirSync(dir);
  const file = join(dir, 'dacxa.sqlite');
  const store = getSqliteEventStore({ path: file });
  const ledger = createLedger({ events: store, signer: createTreeHeadSigner(KEY), signEveryMs: 3_600_000 });
  ledger.start();
  for (let round = 0; round < 3; round++) {
    await store.append(`case-${round % 2}`, someEvents(4, round * 4));
    await ledger.caughtUp();
    await ledger.signNow();
  }
  await ledger.stop();
  await store.close();
  return { dir, file };
}

async function verifyStore(file: string, publicKeyPem = PUBLIC, progressEveryMs?: number) {
  const lines: string[] = [];
  const ok = await runVerifyStore(file, {
    publicKeyPem: () => publicKeyPem,
    out: (line) => lines.push(line),
    ...(progressEveryMs === undefined ? {} : { progressEveryMs }),
  });
  return { ok, output: lines.join('\n') };
}

async function heads(file: string): Promise<RecordedEvent[]> {
  const store = getSqliteEventStore({ path: file });
  const read = await collect(store.readStream(LEDGER_STREAM));
  await store.close();
  return read;
}

describe('verify-store: the log as a whole', () => {
  it('passes an honest log, counting the heads it held to the tree and the key, with progress', async () => {
    const { file } = await signedData();
    const { ok, output } = await verifyStore(file, PUBLIC, 0);
    expect(ok).toBe(true);
    expect(output).toMatch(/Toàn vẹn: 15 sự kiện ở vị trí 1–15 liên tục, 3 luồng, 3 gốc cây đã ký/);
    expect(output).toContain('… 1/15 sự kiện (6%)');
  });

  it('catches an event rewritten and its stream re-chained, which every chain check passes', async () => {
    const { file } = await signedData();
    rewriteEvent(file, 2, (data) => (data.note = 'đã sửa'));
    const store = getSqliteEventStore({ path: file });
    expect(await verifyChain(store.readAll())).toMatchObject({ ok: true });
    await store.close();
    const firstHead = (await heads(file))[0] as RecordedEvent;
    const { ok, output } = await verifyStore(file);
    expect(ok).toBe(false);
    expect(output).toContain(
      `LỖI tại vị trí ${firstHead.position} (head-root-mismatch): gốc cây đã ký không khớp`,
    );
  });

  it('holds every head to the audit key: a head under another key is refused', async () => {
    const { file } = await signedData();
    const other = createPublicKey(generateSigningKey()).export({ type: 'spki', format: 'pem' }).toString();
    const firstHead = (await heads(file))[0] as RecordedEvent;
    const { ok, output } = await verifyStore(file, other);
    expect(ok).toBe(false);
    expect(output).toContain(`LỖI tại vị trí ${firstHead.position} (head-signature)`);
  });

  it('names a row hidden below position 1, and a row moved to another case', async () => {
    const { file } = await signedData();
    tamperFile(file, 'UPDATE events SET position = 0 WHERE position = 1');
    expect((await verifyStore(file)).output).toMatch(
      /^LỖI tại vị trí 0 \(position-gap\): các vị trí không liên tục/,
    );
    const moved = await signedData();
    tamperFile(moved.file, `UPDATE events SET stream = 'case-1', revision = 99 WHERE position = 3`);
    expect((await verifyStore(moved.file)).output).toMatch(/^LỖI tại vị trí 3 \(column-mismatch\)/);
  });
});

describe('the start-up check: nothing is signed over a store that fails it', () => {
  /** Opens the data folder as serve does, with the ledger held, and runs the check. */
  async function startOn(dir: string, readOnly = false) {
    const config = loadConfig({ DACXA_DATA_DIR: dir });
    const store = getSqliteEventStore({ path: join(dir, 'dacxa.sqlite') });
    // Something new, so the ledger wants to sign as soon as it has read the log.
    await store.append('case-new', someEvents(1));
    const hold = holdLedger(store);
    const ledger = createLedger({ events: hold.store, signer: createTreeHeadSigner(KEY) });
    ledger.start();
    const lines: string[] = [];
    const outcome = await checkBeforeServing(
      config,
      { store, ledger, hold, publicKeyPem: PUBLIC },
      readOnly,
      (line) => lines.push(line),
    ).then(
      // The whole-log leaf check ends after listening; the heads wait for it too.
      async ({ everyLeaf }) => {
        const late = await everyLeaf;
        return late && !readOnly ? new StoreCheckError(late) : null;
      },
      (error: unknown) => error,
    );
    // Whatever the ledger was to sign has been tried once it has read the log.
    await Promise.race([ledger.caughtUp(), hold.readFailed]).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await ledger.stop().catch(() => undefined);
    await store.close();
    return { outcome, output: lines.join('\n') };
  }

  it('lets the ledger sign on an honest store', async () => {
    const { dir, file } = await signedData();
    const before = (await heads(file)).length;
    const { outcome, output } = await startOn(dir);
    expect(outcome).toBeNull();
    expect(output).toContain('Kho sự kiện qua kiểm tra khởi động');
    expect((await heads(file)).length).toBe(before + 1);
  });

  it('refuses a rewritten history, naming the head that betrays it and how to investigate', async () => {
    const { dir, file } = await signedData();
    rewriteEvent(file, 2, (data) => (data.note = 'đã sửa'));
    const before = (await heads(file)).length;
    const { outcome } = await startOn(dir);
    expect(outcome).toMatchObject({ code: 'ERR_STORE_CHECK', failure: { reason: 'head-root-mismatch' } });
    expect((outcome as Error).message).toMatch(/dacxa verify-store.*dacxa serve --read-only/);
    expect((await heads(file)).length).toBe(before);
  });

  it('catches, over the whole log, an event rewritten under a tree loaded from its file', async () => {
    const { file } = await signedData();
    const store = getSqliteEventStore({ path: file });
    // The tree as a file would hold it: read from the log before the rewrite.
    const ledger = createLedger({ events: store });
    ledger.start();
    await ledger.caughtUp();
    expect(await checkEveryLeaf(store, ledger)).toBeNull();
    rewriteEvent(file, 7, (data) => (data.note = 'đã sửa'));
    expect(await checkEveryLeaf(store, ledger)).toMatchObject({ reason: 'leaf-mismatch', position: 7n });
    await ledger.stop();
    await store.close();
  });

  it('refuses a gap in the positions before the ledger reads anything', async () => {
    const { dir, file } = await signedData();
    tamperFile(file, 'UPDATE events SET position = 40 WHERE position = 15');
    const { outcome } = await startOn(dir);
    expect(outcome).toMatchObject({ failure: { reason: 'position-gap', position: 40n } });
  });

  it('read-only carries on after saying what failed, and signs nothing', async () => {
    const { dir, file } = await signedData();
    rewriteEvent(file, 2, (data) => (data.note = 'đã sửa'));
    const before = (await heads(file)).length;
    const { outcome, output } = await startOn(dir, true);
    expect(outcome).toBeNull();
    expect(output).toContain('KHÔNG qua kiểm tra khởi động: LỖI tại vị trí');
    expect(output).toContain('CHẾ ĐỘ CHỈ ĐỌC');
    expect((await heads(file)).length).toBe(before);
  });
});

const run = promisify(execFile);
const main = fileURLToPath(new URL('./main.ts', import.meta.url));

describe('dacxa serve and verify-store on a tampered store', () => {
  it('verify-store exits 1 on the first failure; serve refuses to start; --read-only serves reads, refuses commands', async () => {
    const { dir, file } = await signedData();
    const env = {
      ...process.env,
      ...{
        LOG_LEVEL: 'silent',
        PORT: '0',
        DACXA_DATA_DIR: dir,
        DACXA_SEED_DEMO: 'false',
        DACXA_AUDIT_KEY: KEY,
      },
    };
    const dacxa = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', main, ...args], { env }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({
          code: error.code,
          stdout: error.stdout,
          stderr: error.stderr,
        }),
      );
    expect(await dacxa('verify-store')).toMatchObject({ code: 0 });
    rewriteEvent(file, 6, (data) => (data.note = 'đã sửa'));
    const verified = await dacxa('verify-store');
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(/LỖI tại vị trí \d+ \(head-root-mismatch\)/);
    const before = (await heads(file)).length;
    const refused = await dacxa('serve');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Lỗi \[ERR_STORE_CHECK\]: Kho sự kiện không qua kiểm tra khi khởi động/);
    expect(refused.stdout).not.toContain('đang chạy tại');
    expect((await heads(file)).length).toBe(before);

    const child = spawn(process.execPath, ['--import', 'tsx', main, 'serve', '--read-only'], { env });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const url = await new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = /đang chạy tại (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (found) resolve(found[1] as string);
        else if (child.exitCode !== null) reject(new Error(stdout));
        else setTimeout(check, 50);
      };
      check();
    });
    expect(stdout).toContain('CHẾ ĐỘ CHỈ ĐỌC');
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const command = await fetch(`${url}/cases/0192f5c4-0002-7000-8000-000000000002/commands/LogVisit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(command.status).toBe(503);
    const problem = (await command.json()) as { code: string; title: string };
    expect(problem.code).toBe('ERR_READ_ONLY');
    expect(problem.title).toContain('chỉ đọc');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect((await heads(file)).length).toBe(before);
  }, 120_000);
});
