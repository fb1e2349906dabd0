import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '@dacxa/event-store';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';

const run = promisify(execFile);
const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'dacxa-rights-'));
const dataDir = join(root, 'data');
const env = { DACXA_DATA_DIR: dataDir };
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function dacxa(extra: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', main, ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env, ...extra },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function logEvents(): Promise<RecordedEvent[]> {
  const store = getSqliteEventStore({ path: join(dataDir, 'dacxa.sqlite') });
  const out: RecordedEvent[] = [];
  for await (const event of store.readAll()) out.push(event);
  await store.close();
  return out;
}

/** The people of the demo's cases, in the order the log first names them. */
async function people(): Promise<string[]> {
  const ids = (await logEvents())
    .map((e) => e.metadata.subject)
    .filter((s): s is string => typeof s === 'string');
  return [...new Set(ids)];
}

let oldKey = '';
beforeAll(async () => {
  expect((await dacxa({}, 'seed')).code).toBe(0);
  oldKey = readFileSync(join(`${dataDir}-keys`, 'master.key'), 'utf8').trim();
}, 120_000);

describe('dacxa subject-access, rotate-master-key and erase', () => {
  it('writes a person’s data, opened, as a Vietnamese document, recorded in the log', async () => {
    const [person = ''] = await people();
    const out = join(root, 'person.txt');
    const result = await dacxa(
      {},
      'subject-access',
      '--person',
      person,
      '--request',
      '5/YC',
      '--request-date',
      '2025-11-01',
      '--format',
      'text',
      '-o',
      out,
    );
    expect(result.code, result.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('PHIẾU CUNG CẤP DỮ LIỆU CÁ NHÂN');
    expect(text).toContain('Theo yêu cầu: số 5/YC ngày 01/11/2025');
    expect(text).not.toContain('$sealed');
    expect(text).not.toContain('[ẩn]');
    const log = await logEvents();
    expect(log.find((e) => e.type === 'SubjectAccessExported')).toMatchObject({ stream: `person-${person}` });
    expect(log.filter((e) => e.type === 'RecordsRead').at(-1)).toMatchObject({
      data: { kind: 'export', target: `person-${person}`, purpose: 'subject-access' },
      metadata: { role: 'admin' },
    });
    const again = await dacxa({}, 'subject-access', '--person', person, '--request', '5/YC', '-o', out);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('Lỗi [');
  }, 60_000);

  it('re-wraps every data key under the new master key: the data opens with it, not with the old', async () => {
    const keyFile = join(root, 'new.key');
    const newKey = randomBytes(32).toString('base64');
    writeFileSync(keyFile, `k2:${newKey}\n`, { mode: 0o600 });
    const rotated = await dacxa({}, 'rotate-master-key', '--new-key-file', keyFile);
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toMatch(/… \d+\/\d+ khóa dữ liệu \(100%\)/);
    expect(rotated.stdout).toMatch(/Đã thay khóa chủ: \d+ khóa dữ liệu được bọc lại bằng khóa k2/);
    const types = (await logEvents()).filter((e) => e.stream === 'keys-master').map((e) => e.type);
    expect(types).toEqual(['MasterKeyRotationStarted', 'MasterKeyRotated']);
    const [person = ''] = await people();
    const opened = await dacxa(
      { DACXA_MASTER_KEY: `k2:${newKey}` },
      'subject-access',
      '--person',
      person,
      '--request',
      '6/YC',
      '-o',
      join(root, 'after.json'),
    );
    expect(opened.code, opened.stderr).toBe(0);
    const json = readFileSync(join(root, 'after.json'), 'utf8');
    expect(json).not.toContain('[ẩn]');
    expect(json).not.toContain('$sealed');
    const withOld = await dacxa(
      { DACXA_MASTER_KEY: oldKey },
      'subject-access',
      '--person',
      person,
      '--request',
      '7/YC',
      '-o',
      join(root, 'old.json'),
    );
    expect(withOld.code).toBe(2);
    expect(withOld.stderr).toContain('ERR_MASTER_KEY');
    // Running again finds nothing left to move, and says so.
    const rerun = await dacxa({}, 'rotate-master-key', '--new-key-file', keyFile);
    expect(rerun.stdout).toContain('0 khóa dữ liệu được bọc lại bằng khóa k2');
  }, 120_000);

  it('erases only when someone other than the proposer approves', async () => {
    const [, person = ''] = await people();
    const proposed = await dacxa(
      {},
      'erase',
      '--person',
      person,
      '--propose',
      '--reason',
      'SUBJECT_REQUEST',
      '--basis',
      'LBVDLCN:16',
      '--document',
      '9/ĐN',
      '--actor',
      'nguoi-a',
    );
    expect(proposed.code, proposed.stderr).toBe(0);
    const requestId = /đề nghị xóa ([0-9a-f-]{36})/.exec(proposed.stdout)?.[1] ?? '';
    const self = await dacxa({}, 'erase', '--person', person, '--request', requestId, '--actor', 'nguoi-a');
    expect(self).toMatchObject({ code: 2, stderr: expect.stringContaining('Lỗi [ERR_FOUR_EYES]') as string });
    const approved = await dacxa(
      {},
      'erase',
      '--person',
      person,
      '--request',
      requestId,
      '--actor',
      'nguoi-b',
    );
    expect(approved.code, approved.stderr).toBe(0);
    const log = await logEvents();
    expect(log.filter((e) => e.stream === `person-rights-${person}`).map((e) => e.type)).toEqual([
      'ErasureRequested',
      'ErasureRequestApproved',
    ]);
    expect(log.find((e) => e.type === 'PersonalDataErased' && e.stream === `person-${person}`)).toBeDefined();
    const garbage = await dacxa({}, 'erase', '--person', 'nobody', '--request', requestId);
    expect(garbage).toMatchObject({ code: 2, stderr: expect.stringContaining('ERR_VALIDATION') as string });
  }, 120_000);
});
