import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectLive } from './liveClient.js';
import { spawnService } from './spawnService.js';

const root = mkdtempSync(join(tmpdir(), 'dacxa-clock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the demo on a fixed clock', () => {
  it('marks the demo’s missed reporting deadlines by itself and shows them on the board and over /ws', async () => {
    const serve = spawnService('services/cli/src/main.ts', ['serve'], {
      LOG_LEVEL: 'silent',
      PORT: '0',
      DACXA_DATA_DIR: join(root, 'data'),
      DACXA_CLOCK: '2026-02-20T01:00:00Z',
    });
    try {
      await serve.printed(/Đồng hồ cố định: 2026-02-20T01:00:00Z \(giờ Việt Nam 20\/02\/2026 08:0\d/, 60_000);
      const [, url] = await serve.printed(/đang chạy tại (http:\/\/127\.0\.0\.1:\d+)/, 60_000);
      const [, token] = await serve.printed(/commune-police \(xa-an-khanh\/cong-an\): (\S+)/);
      const live = await connectLive(url!);
      await live.auth(token!);
      live.send({ type: 'subscribe', id: 'cases', view: 'case-files' });
      // Nobody acts: the scheduler's start-up sweep records ReportingDeadlineMissed as the system.
      const marked = await live.next(
        (m) =>
          (m.type === 'change' && m.document?.reportingDeadlineMissed === true) ||
          (m.type === 'snapshot' && (m.items ?? []).some((i) => i.document.reportingDeadlineMissed === true)),
        0,
        30_000,
      );
      expect(marked.type === 'change' || marked.type === 'snapshot').toBe(true);
      let overdue: Array<Record<string, unknown>> = [];
      for (let i = 0; i < 100 && !overdue.some((c) => c.reportingDeadlineMissed === true); i++) {
        const response = await fetch(`${url}/views/case-files?overdue=true&sort=dueOn&limit=200`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(response.status).toBe(200);
        overdue = ((await response.json()) as { items: Array<Record<string, unknown>> }).items;
        if (!overdue.some((c) => c.reportingDeadlineMissed === true))
          await new Promise((r) => setTimeout(r, 100));
      }
      expect(overdue.some((c) => c.reportingDeadlineMissed === true && c.dueKind !== null)).toBe(true);
      expect(overdue.every((c) => (c.dueOn as string) < '2026-02-20')).toBe(true);
      live.close();
    } finally {
      serve.child.kill('SIGINT');
      await serve.exited;
    }
  }, 120_000);

  it('refuses a fixed clock outside the demo and tests, saying why', async () => {
    const serve = spawnService('services/cli/src/main.ts', ['serve'], {
      LOG_LEVEL: 'silent',
      PORT: '0',
      DACXA_DATA_DIR: join(root, 'live'),
      DACXA_SEED_DEMO: 'false',
      DACXA_CLOCK: '2026-02-20T01:00:00Z',
      NODE_ENV: 'production',
      VITEST: '',
    });
    const timer = setTimeout(() => serve.child.kill('SIGKILL'), 20_000);
    serve.exited.finally(() => clearTimeout(timer)).catch(() => undefined);
    try {
      expect(await serve.exited).not.toBe(0);
      expect(serve.output()).toMatch(/DACXA_CLOCK: chỉ dùng cho bản minh họa/);
    } finally {
      if (serve.child.exitCode === null) serve.child.kill('SIGKILL');
    }
  }, 60_000);
});
