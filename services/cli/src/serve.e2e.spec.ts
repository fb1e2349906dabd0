import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'dacxa-serve-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `dacxa serve` as a person starts it: a child process, on a free port, its output read as printed. */
function serve() {
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'serve'], {
    env: { ...process.env, LOG_LEVEL: 'silent', PORT: '0', DACXA_DATA_DIR: join(root, 'data') },
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const printed = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(stdout);
        if (match) resolve(match);
        else if (child.exitCode !== null) reject(new Error(`exited ${child.exitCode}: ${stdout}`));
        else setTimeout(check, 50);
      };
      check();
    });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, printed, exited };
}

describe('dacxa serve', () => {
  it('seeds the demo on first start, prints its URL and a token per role, takes commands, shows them on the board, and stops cleanly on Ctrl-C', async () => {
    const server = serve();
    await server.printed(/Đã tạo dữ liệu minh họa: \d+ lệnh/);
    const [, url] = await server.printed(/đang chạy tại (http:\/\/127\.0\.0\.1:\d+)/);
    await server.printed(/Tài liệu API: http:\/\/127\.0\.0\.1:\d+\/docs/);
    const [, token] = await server.printed(/commune-police \(xa-an-khanh\/cong-an\): (\S+)/);
    await server.printed(/admin \(tp-hai-phong\): \S+/);
    // The seeded log is covered by a signed tree head as soon as the ledger has read it.
    let heads: unknown[] = [];
    for (let i = 0; i < 100 && heads.length === 0; i++) {
      heads = ((await (await fetch(`${url}/audit/tree-heads`)).json()) as { treeHeads: unknown[] }).treeHeads;
      if (heads.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(heads).toHaveLength(1);
    const seeded = await fetch(`${url}/views/case-files?limit=200`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const seededItems = ((await seeded.json()) as { items: Array<{ status: string }> }).items;
    expect(new Set(seededItems.map((i) => i.status))).toEqual(
      new Set(['expected', 'received', 'supervised', 'closed']),
    );
    const caseId = randomUUID();
    const response = await fetch(`${url}/cases/${caseId}/commands/ReceiveReleaseNotice`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        caseId,
        person: {
          personId: randomUUID(),
          fullName: 'Người Giả Định Khởi Chạy',
          birthDate: '1992',
          idNumber: '001092000002',
        },
        source: 'AMNESTY',
        communeCode: 'xa-an-khanh',
        releaseDate: '2025-09-01',
        reportBy: '2025-09-10',
        receivedOn: '2025-08-29',
        notice: { number: '216/TB-TG', date: '2025-08-28' },
      }),
    });
    expect(response.status).toBe(201);
    const { position } = (await response.json()) as { position: string };
    const board = await fetch(`${url}/views/case-files?status=expected&limit=200&minPosition=${position}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { items } = (await board.json()) as { items: Array<{ caseId: string }> };
    expect(items.map((i) => i.caseId)).toContain(caseId);
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
    await server.printed(/Đã dừng\./);

    const again = serve();
    await again.printed(/đang chạy tại/);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
    expect((await again.printed(/Đã dừng\./)).input).not.toContain('dữ liệu minh họa');
  });
});
