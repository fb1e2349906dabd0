import { execFile } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import { COSIGNATURE_ED25519, formatVerifierKey } from '@dacxa/audit';

const run = promisify(execFile);
const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'dacxa-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function dacxa(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', main, ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('dacxa CLI', () => {
  const dataDir = join(root, 'data');
  const env = { DACXA_DATA_DIR: dataDir };

  it('seed records the demo into an empty store with progress, and refuses to seed twice', async () => {
    const first = await dacxa(env, 'seed');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Kho dữ liệu trống: đang tạo dữ liệu minh họa');
    expect(first.stdout).toMatch(/… 50 lệnh đã ghi/);
    expect(first.stdout).toMatch(/Đã tạo dữ liệu minh họa: \d{3} lệnh/);
    const second = await dacxa(env, 'seed');
    expect(second).toMatchObject({ code: 1, stdout: expect.stringContaining('Kho đã có dữ liệu') as string });
  });

  it('leaves the invented names nowhere in the data folder', () => {
    for (const file of readdirSync(dataDir)) {
      const bytes = readFileSync(join(dataDir, file));
      expect(bytes.includes(Buffer.from('Người Giả Định A')), file).toBe(false);
      expect(bytes.includes(Buffer.from('Phạm nhân giả định 1')), file).toBe(false);
    }
  });

  it('refuses to start with a wrong master key, saying so, instead of showing redacted data', async () => {
    const result = await dacxa(
      { ...env, DACXA_MASTER_KEY: `k1:${Buffer.alloc(32, 7).toString('base64')}` },
      'seed',
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Lỗi [ERR_MASTER_KEY]: Khóa chủ k1 không đúng');
  });

  it('names every bad variable at start-up in one line, without a stack trace', async () => {
    const result = await dacxa({ ...env, PORT: 'tám nghìn', DACXA_EVENT_STORE: 'esdb' }, 'serve');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Lỗi \[ERR_CONFIG\]: Cấu hình không hợp lệ/);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('DACXA_ESDB_URL: bắt buộc khi DACXA_EVENT_STORE=esdb');
    expect(result.stderr).not.toContain('    at ');
    expect(result.stdout).toBe('');
  });

  it('prints its version', async () => {
    const version = await dacxa(env, '--version');
    expect(version).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) as string });
  });

  it('rebuild builds a view again from the log, and names the views when asked for an unknown one', async () => {
    const rebuilt = await dacxa(env, 'rebuild', 'case-files');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/Đã dựng lại bảng case-files \(thế hệ \d\) đến vị trí \d+/);
    const unknown = await dacxa(env, 'rebuild', 'ho-so');
    expect(unknown).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('case-files, tasks') as string,
    });
  });

  it('verify-store names the position of an event changed in the file, and fails', async () => {
    const file = join(dataDir, 'dacxa.sqlite');
    expect(await dacxa(env, 'verify-store')).toMatchObject({ code: 0 });
    const bytes = readFileSync(file);
    const at = bytes.indexOf('"place":"HOME"');
    bytes[at + 9] = 'X'.charCodeAt(0);
    writeFileSync(file, bytes);
    const result = await dacxa(env, 'verify-store');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/LỖI tại vị trí \d+ \(hash-mismatch\)/);
  });

  it('verify-store says so when the file does not exist', async () => {
    const result = await dacxa(env, 'verify-store', '--file', join(root, 'missing.sqlite'));
    expect(result).toMatchObject({ code: 1 });
    expect(result.stdout).toContain('Không tìm thấy tệp');
  });

  it('token issues a JWT for a role and unit, and refuses a role nobody may claim', async () => {
    const issued = await dacxa(env, 'token', '--role', 'procuracy', '--unit', 'xa-an-khanh');
    expect(issued.code).toBe(0);
    const [, payload] = issued.stdout.trim().split('.');
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString())).toMatchObject({
      sub: 'dev-procuracy',
      role: 'procuracy',
      unit: 'xa-an-khanh',
    });
    const system = await dacxa(env, 'token', '--role', 'system', '--unit', 'xa-an-khanh');
    expect(system).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Vai trò không hợp lệ: system') as string,
    });
    const withIdp = await dacxa(
      { ...env, DACXA_JWKS_URL: 'https://id.example.gov.vn/jwks.json' },
      'token',
      '--role',
      'procuracy',
      '--unit',
      'xa-an-khanh',
    );
    expect(withIdp).toMatchObject({ code: 2, stderr: expect.stringContaining('DACXA_JWKS_URL') as string });
  });
});

/** How many events a store file holds, read through the store as the ledger reads it. */
async function eventsIn(file: string): Promise<number> {
  const events = getSqliteEventStore({ path: file });
  let n = 0;
  for await (const event of events.readAll()) n += event.position > 0n ? 1 : 0;
  await events.close();
  return n;
}

describe('dacxa export and verify', () => {
  const dataDir = join(root, 'audit-data');
  const env = { DACXA_DATA_DIR: dataDir };

  it('exports the whole log with progress, and verify accepts it offline with the published key', async () => {
    expect((await dacxa(env, 'seed')).code).toBe(0);
    const held = await eventsIn(join(dataDir, 'dacxa.sqlite'));
    const out = join(root, 'bundle-all');
    // The ledger signs every 20 events: catching up over the seed must not leave the export a stale head.
    const exported = await dacxa({ ...env, DACXA_AUDIT_SIGN_EVERY: '20' }, 'export', '--out', out);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/… \d+\/\d+ sự kiện \(100%\)/);
    expect(exported.stdout).toContain('(toàn bộ nhật ký)');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      counts: { events: number };
      treeHead: { treeSize: number };
    };
    expect(manifest.treeHead.treeSize).toBeGreaterThanOrEqual(held);
    expect(manifest.counts.events).toBe(manifest.treeHead.treeSize);
    const key = join(root, 'public-key.pem');
    writeFileSync(key, readFileSync(join(out, 'public-key.pem')));
    const verified = await dacxa({}, 'verify', out, '--public-key', key);
    expect(verified).toMatchObject({ code: 0, stdout: expect.stringContaining('Hợp lệ:') as string });
    expect(verified.stdout).toContain('không thiếu, không thêm, không đảo thứ tự');
  });

  it('verifies the whole log under a witness policy pinned out of band, and refuses a quorum nobody met', async () => {
    const out = join(root, 'bundle-all');
    const pem = readFileSync(join(out, 'public-key.pem'), 'utf8');
    const logVkey = formatVerifierKey('dacxa.local/log', createPublicKey(pem));
    const witness = formatVerifierKey(
      'vks.test/witness',
      createPublicKey(generateKeyPairSync('ed25519').privateKey),
      COSIGNATURE_ED25519,
    );
    const none = join(root, 'policy-none.txt');
    writeFileSync(none, `log ${logVkey}\nquorum none\n`);
    const accepted = await dacxa({}, 'verify', out, '--policy', none);
    expect(accepted).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('đúng chính sách nhân chứng') as string,
    });
    expect((await dacxa({}, 'verify', out)).stdout).toContain('no witness policy applied');
    const quorum = join(root, 'policy-vks.txt');
    writeFileSync(quorum, `log ${logVkey}\nwitness vks ${witness}\nquorum vks\n`);
    const refused = await dacxa({}, 'verify', out, '--policy', quorum);
    expect(refused).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('KHÔNG HỢP LỆ (checkpoint-quorum)') as string,
    });
  });

  it('discloses one case whole, and refuses an event changed in the bundle even with its file hash fixed up', async () => {
    const out = join(root, 'bundle-case');
    const caseId = '0192f5c4-0002-7000-8000-000000000002';
    expect((await dacxa(env, 'export', '--out', out, '--case', caseId)).code).toBe(0);
    expect((await dacxa({}, 'verify', out)).stdout).toContain(
      'mỗi luồng đủ từ sự kiện đầu đến đầu luồng đã ký',
    );
    // Someone edits an event and fixes up the manifest's file hash: the manifest's signature betrays it.
    const file = join(out, 'events.ndjson');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const target = JSON.parse(lines[2] ?? '{}') as {
      position: string;
      envelope: { data: Record<string, unknown> };
    };
    target.envelope.data.findings = 'đã sửa';
    lines[2] = JSON.stringify(target);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      files: Record<string, string>;
    };
    manifest.files['events.ndjson'] = createHash('sha256').update(readFileSync(file)).digest('hex');
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest));
    const result = await dacxa({}, 'verify', out);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('KHÔNG HỢP LỆ (manifest-signature)');
  });

  it('discloses a transferred person’s case with the case that continues it at the new commune', async () => {
    const out = join(root, 'bundle-transferred');
    const [origin, continuation] = ['000000000004', '000000000099'].map(
      (n) => `case-0192f5c4-0002-7000-8000-${n}`,
    );
    const exported = await dacxa(env, 'export', '--out', out, '--case', (origin as string).slice(5));
    expect(exported.stdout).toContain(`gồm ${continuation} tiếp nối sau chuyển nơi cư trú`);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { streams: string[] };
    expect(manifest.streams).toEqual([origin, continuation]);
    expect(readFileSync(join(out, 'stream-heads.ndjson'), 'utf8').trim().split('\n')).toHaveLength(2);
    expect(await dacxa({}, 'verify', out)).toMatchObject({ code: 0 });
  });

  it('exports a province’s events through the unit tree: its communes’ offices, nobody else’s', async () => {
    const out = join(root, 'bundle-province');
    const exported = await dacxa(env, 'export', '--out', out, '--unit', 'tp-hai-phong', '--category', 'case');
    expect(exported.code).toBe(0);
    const units = readFileSync(join(out, 'events.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map(
        (line) => (JSON.parse(line) as { envelope: { metadata: { unit: string } } }).envelope.metadata.unit,
      );
    expect(units.length).toBeGreaterThan(100);
    // Lê Chân ward, where case 4 moved, is in Hải Phòng too; the second province's commune is not.
    expect(new Set(units.map((u) => u.split('/')[0]))).toEqual(new Set(['xa-an-khanh', 'phuong-le-chan']));
    expect((await dacxa({}, 'verify', out)).code).toBe(0);
  });

  it('prints an inclusion proof it has checked, and consistency from the checkpoint the auditor saved', async () => {
    const inclusion = await dacxa(env, 'proof', '--position', '5');
    expect(inclusion.code).toBe(0);
    expect(JSON.parse(inclusion.stdout.slice(inclusion.stdout.indexOf('{')))).toMatchObject({
      position: '5',
      verified: true,
    });
    const refused = await dacxa(env, 'proof', '--from', '3', '--to', '40');
    expect(refused).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('Cần tệp gốc cây đã lưu') as string,
    });
    // The auditor's checkpoint: the head of the bundle it verified earlier.
    const checkpoint = join(root, 'checkpoint.json');
    writeFileSync(checkpoint, readFileSync(join(root, 'bundle-all', 'tree-head.json')));
    const saved = JSON.parse(readFileSync(checkpoint, 'utf8')) as { treeSize: number; rootHash: string };
    const key = join(root, 'public-key.pem');
    const first = await dacxa(env, 'proof', '--from', checkpoint, '--public-key', key, '--save', checkpoint);
    expect(first.code).toBe(0);
    const proof = JSON.parse(first.stdout.slice(first.stdout.indexOf('{'))) as {
      from: { treeSize: number; rootHash: string };
      to: { treeSize: number };
      verified: boolean;
    };
    expect(proof).toMatchObject({ from: saved, verified: true });
    expect(JSON.parse(readFileSync(checkpoint, 'utf8'))).toEqual(proof.to);
    expect((await dacxa(env, 'proof', '--from', checkpoint, '--public-key', key)).code).toBe(0);
    // A checkpoint whose root is not the one that was signed is refused, not proven against.
    const forged = join(root, 'forged-checkpoint.json');
    writeFileSync(forged, JSON.stringify({ ...proof.to, rootHash: 'ab'.repeat(32) }));
    const bad = await dacxa(env, 'proof', '--from', forged, '--public-key', key);
    expect(bad).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('không có chữ ký hợp lệ') as string,
    });
  });
});
