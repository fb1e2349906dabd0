import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipParts } from '@dacxa/reports';

const run = promisify(execFile);
const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'dacxa-report-'));
const env = { ...process.env, LOG_LEVEL: 'silent', DACXA_DATA_DIR: join(root, 'data') };
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function dacxa(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', main, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const text = (xml: string) => xml.replace(/<[^>]+>/g, '');

beforeAll(async () => {
  expect((await dacxa('seed')).code).toBe(0);
}, 120_000);

describe('dacxa report', () => {
  it('lists each report kind, one a line, its id first', async () => {
    const listed = await dacxa('report', 'list');
    expect(listed.code).toBe(0);
    expect(
      listed.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t')[0]),
    ).toEqual(['hcd-13', 'hcd-12', 'hcd-09', 'mau-01', 'ke-hoach-13-muc-iv', 'tong-ket-dot-dac-xa']);
  });

  it('writes a .docx and an .xlsx with the same figures at one position, and JSON to compare', async () => {
    const docx = join(root, 'hcd13.docx');
    const written = await dacxa(
      'report',
      'hcd-13',
      '--unit',
      'xa-an-khanh',
      '--period',
      '2025',
      '--format',
      'docx',
      '--out',
      docx,
      '--deputy',
    );
    expect(written.code).toBe(0);
    const at = /vị trí (\d+)/.exec(written.stdout)?.[1] ?? '';
    expect(at).not.toBe('');
    const body = text((await readZipParts(readFileSync(docx))).get('word/document.xml') ?? '');
    expect(body).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(body).toContain('KT. CHỦ TỊCH');
    expect(body).toContain(`--at ${at}`);
    const xlsx = join(root, 'hcd13.xlsx');
    expect(
      (
        await dacxa(
          'report',
          'hcd-13',
          '--unit',
          'xa-an-khanh',
          '--period',
          '2025',
          '--format',
          'xlsx',
          '--out',
          xlsx,
          '--at',
          at,
        )
      ).code,
    ).toBe(0);
    const sheet = (await readZipParts(readFileSync(xlsx))).get('xl/worksheets/sheet1.xml') ?? '';
    const json = join(root, 'hcd13.json');
    expect(
      (
        await dacxa(
          'report',
          'hcd-13',
          '--unit',
          'xa-an-khanh',
          '--period',
          '2025',
          '--format',
          'json',
          '--out',
          json,
          '--at',
          at,
        )
      ).code,
    ).toBe(0);
    const data = JSON.parse(readFileSync(json, 'utf8')) as { position: string; total: { managed: number } };
    expect(data.position).toBe(at);
    expect(body).toContain(`giúp đỡ ${data.total.managed} người`);
    expect(sheet).toContain(`<v>${data.total.managed}</v>`);
  });

  it('defaults to the widest unit and the latest complete quarter, and says what is wrong on stderr', async () => {
    const out = join(root, 'default.docx');
    const made = await dacxa('report', 'ke-hoach-13-muc-iv', '--out', out);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/đơn vị tp-hai-phong, kỳ \d{4}-Q[1-4]/);
    const ahead = await dacxa('report', 'hcd-13', '--at', '999999999', '--out', join(root, 'x.docx'));
    expect(ahead.code).toBe(2);
    expect(ahead.stderr).toContain('ERR_POSITION_AHEAD');
    const unknown = await dacxa('report', 'hcd-99', '--out', join(root, 'y.docx'));
    expect(unknown.stderr).toContain('ERR_VALIDATION');
  });
});
