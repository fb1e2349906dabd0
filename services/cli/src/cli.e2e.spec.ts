import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dacxa-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function dacxa(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', main, ...args]);
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe('dacxa CLI', () => {
  const file = join(dir, 'nested', 'dacxa.sqlite');

  it('demo writes a case, shows it with Vietnamese dates and verifies the whole file', async () => {
    const first = await dacxa('demo', '--file', file);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/#0 {2}03\/09\/2025 09:00:00 {2}PersonReceived/);
    expect(first.stdout).toContain('toàn vẹn — 3 sự kiện trong 1 luồng');
    const second = await dacxa('demo', '--file', file);
    expect(second.stdout).toContain('toàn vẹn — 6 sự kiện trong 2 luồng');
  });

  it('verify-store names the position of an event changed in the file, and fails', async () => {
    expect(await dacxa('verify-store', '--file', file)).toMatchObject({ code: 0 });
    const bytes = readFileSync(file);
    const at = bytes.indexOf('thời vụ');
    bytes[at] = 'T'.charCodeAt(0);
    writeFileSync(file, bytes);
    const result = await dacxa('verify-store', '--file', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/LỖI tại vị trí \d+ \(hash-mismatch\)/);
  });

  it('verify-store says so when the file does not exist', async () => {
    const result = await dacxa('verify-store', '--file', join(dir, 'missing.sqlite'));
    expect(result).toMatchObject({ code: 1 });
    expect(result.stdout).toContain('Không tìm thấy tệp');
  });
});
