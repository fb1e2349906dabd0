import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTRA, scheduledApp } from './testing/scheduledApp.js';

const TODAY = '2026-02-20';
let fixture: Awaited<ReturnType<typeof scheduledApp>>;
beforeAll(async () => {
  fixture = await scheduledApp(TODAY);
  await fixture.scheduler().sweepNow();
  await fixture.engine.waitFor((await fixture.store.headPosition()) ?? 0n, 30_000);
});
afterAll(() => fixture.close());

type Item = Record<string, unknown>;
async function board(path: string, role: Parameters<typeof fixture.token>[0], unit: string) {
  const token = await fixture.token(role, unit);
  const response = await fixture.app.inject({ url: path, headers: { authorization: `Bearer ${token}` } });
  return { status: response.statusCode, items: response.json<{ items?: Item[] }>().items ?? [] };
}

describe('deadline filters on the boards', () => {
  it('lists overdue tasks only, never a REQUEST task, which shows as awaited', async () => {
    const overdue = await board('/views/tasks?overdue=true', 'commune-chair', 'xa-an-khanh');
    expect(overdue.status).toBe(200);
    expect(overdue.items.map((t) => t.taskId)).toEqual([EXTRA.overdueTask.id]);
    expect(overdue.items[0]).toMatchObject({ deadlineStatus: 'overdue', overdueSince: '2026-01-16' });
    const all = await board('/views/tasks?limit=200', 'commune-chair', 'xa-an-khanh');
    const requests = all.items.filter((t) => t.requestType === 'REQUEST' && t.status === 'open');
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) expect(r).toMatchObject({ deadlineStatus: 'awaited', dueOn: null });
  });

  it('lists what falls due within N days, and sorts by due date', async () => {
    // Working days, as the calendar is known: from Friday 20/02/2026, still in Tết, the first
    // working day is Monday 23/02, so 3 working days reach Wednesday 25/02 and 2 stop at 24/02.
    const soon = await board('/views/tasks?dueWithinDays=3', 'commune-chair', 'xa-an-khanh');
    expect(soon.items.map((t) => t.taskId)).toEqual([EXTRA.soonTask.id]);
    expect((await board('/views/tasks?dueWithinDays=2', 'commune-chair', 'xa-an-khanh')).items).toEqual([]);
    const sorted = await board(
      '/views/case-files?sort=dueOn&limit=200',
      'commune-police',
      'xa-an-khanh/cong-an',
    );
    const dates = sorted.items.map((c) => c.dueOn as string);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d) => typeof d === 'string')).toBe(true);
  });

  it('filters by the responsible unit or person, and by overdue on reports and case files', async () => {
    const lead = (await board('/views/tasks?limit=200', 'commune-chair', 'xa-an-khanh')).items[0]
      ?.leadUnit as string;
    const mine = await board(
      `/views/tasks?responsible=${encodeURIComponent(lead)}`,
      'commune-chair',
      'xa-an-khanh',
    );
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((t) => t.leadUnit === lead)).toBe(true);
    const reports = await board('/views/reports?overdue=true', 'commune-chair', 'xa-an-khanh');
    expect(reports.items.map((r) => r.reportId)).toEqual([EXTRA.overdueReport.id]);
    expect(reports.items[0]).toMatchObject({ overdue: true, overdueSince: '2026-02-01' });
    const cases = await board(
      '/views/case-files?overdue=true&limit=200',
      'commune-police',
      'xa-an-khanh/cong-an',
    );
    expect(cases.items.length).toBeGreaterThan(0);
    expect(cases.items.every((c) => (c.dueOn as string) < TODAY && c.communeCode === 'xa-an-khanh')).toBe(
      true,
    );
    expect(cases.items.some((c) => c.reportingDeadlineMissed === true)).toBe(true);
  });

  it('shows a foreign unit nothing of another unit’s deadlines', async () => {
    const ward = await board(
      '/views/case-files?overdue=true&limit=200',
      'commune-police',
      'phuong-le-chan/cong-an',
    );
    expect(ward.status).toBe(200);
    expect(ward.items.every((c) => c.communeCode === 'phuong-le-chan')).toBe(true);
    const asked = await board(
      '/views/case-files?overdue=true&unit=xa-an-khanh',
      'commune-police',
      'phuong-le-chan/cong-an',
    );
    expect(asked.status).toBe(403);
    const tasks = await board(
      '/views/tasks?overdue=true&responsible=xa-an-khanh%2Fcong-an',
      'commune-chair',
      'phuong-le-chan',
    );
    expect(tasks.items).toEqual([]);
  });

  it('refuses malformed deadline filters and deadline filters on a view without deadlines', async () => {
    for (const query of ['overdue=maybe', 'dueWithinDays=-1', 'dueWithinDays=400', 'sort=reportId']) {
      expect((await board(`/views/tasks?${query}`, 'commune-chair', 'xa-an-khanh')).status, query).toBe(400);
    }
    expect((await board('/views/dossiers?overdue=true', 'facility-warden', 'trai-giam-tinh')).status).toBe(
      400,
    );
  });

  it('documents the deadline filters in OpenAPI', async () => {
    const doc = (await fixture.app.inject({ url: '/docs/openapi.json' })).json<{
      paths: Record<string, { get: { parameters: Array<{ name: string }> } }>;
    }>();
    const names = (path: string) => doc.paths[path]?.get.parameters.map((p) => p.name) ?? [];
    for (const path of ['/views/tasks', '/views/reports', '/views/case-files', '/views/oversight'])
      expect(names(path)).toEqual(
        expect.arrayContaining(['overdue', 'dueWithinDays', 'responsible', 'sort']),
      );
    expect(names('/views/dossiers')).not.toContain('overdue');
  });
});

describe('reading your own write', () => {
  it('waits for a position the log holds, and refuses one past its head at once', async () => {
    const head = (await fixture.store.headPosition()) ?? 0n;
    expect((await board(`/views/tasks?minPosition=${head}`, 'commune-chair', 'xa-an-khanh')).status).toBe(
      200,
    );
    const token = await fixture.token('commune-chair', 'xa-an-khanh');
    const ahead = await fixture.app.inject({
      url: `/views/tasks?minPosition=${head + 1_000_000n}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(ahead.statusCode).toBe(400);
    expect(ahead.json()).toMatchObject({ code: 'ERR_POSITION_AHEAD' });
  });
});
