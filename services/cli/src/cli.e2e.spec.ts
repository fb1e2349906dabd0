import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'dacxa-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function dacxa(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', main, ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
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
    expect(result.stdout).toContain('Lỗi [ERR_MASTER_KEY]: Khóa chủ k1 không đúng');
  });

  it('names every bad variable at start-up in one line, without a stack trace', async () => {
    const result = await dacxa({ ...env, PORT: 'tám nghìn', DACXA_EVENT_STORE: 'esdb' }, 'serve');
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^Lỗi \[ERR_CONFIG\]: Cấu hình không hợp lệ/);
    expect(result.stdout).toContain('PORT');
    expect(result.stdout).toContain('DACXA_ESDB_URL: bắt buộc khi DACXA_EVENT_STORE=esdb');
    expect(result.stdout).not.toContain('    at ');
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
      stdout: expect.stringContaining('Vai trò không hợp lệ: system') as string,
    });
    const withIdp = await dacxa(
      { ...env, DACXA_JWKS_URL: 'https://id.example.gov.vn/jwks.json' },
      'token',
      '--role',
      'procuracy',
      '--unit',
      'xa-an-khanh',
    );
    expect(withIdp).toMatchObject({ code: 2, stdout: expect.stringContaining('DACXA_JWKS_URL') as string });
  });
});
