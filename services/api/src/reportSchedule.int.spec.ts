import { afterEach, describe, expect, it } from 'vitest';
import { scheduledRequests } from '@dacxa/domain';
import { scheduledApp } from './testing/scheduledApp.js';

const TODAY = '2026-02-20';
let fixture: Awaited<ReturnType<typeof scheduledApp>> | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

/** The clock's report requests and overdue marks in the log, as `template period reportingUnit` lines. */
async function scheduledInLog(app: Awaited<ReturnType<typeof scheduledApp>>) {
  const requested: string[] = [];
  const overdue: string[] = [];
  for await (const event of app.store.readAll()) {
    if (event.metadata.role !== 'system') continue;
    const data = event.data as Record<string, unknown>;
    if (event.type === 'ReportRequested')
      requested.push(`${String(data.template)} ${String(data.period)} ${String(data.reportingUnit)}`);
    if (event.type === 'ReportOverdue') overdue.push(event.stream);
  }
  return { requested: requested.sort(), overdue };
}

describe('the reporting schedule on the clock', () => {
  it('requests every commune’s periodic reports once, and marks the Mẫu 01 list overdue after the 5th', async () => {
    fixture = await scheduledApp(TODAY);
    const owed = scheduledRequests(await fixture.deps.tree.current(), TODAY);
    expect(owed.length).toBeGreaterThan(0);

    const first = await fixture.scheduler(undefined, { reports: true }).sweepNow();
    const log = await scheduledInLog(fixture);
    expect(log.requested).toEqual(owed.map((r) => `${r.template} ${r.period} ${r.reportingUnit}`).sort());
    // February's Mẫu 01 list was due on 05/02: it is recorded overdue, as each earlier month's is.
    const lateLists = owed.filter((r) => r.dueDate < TODAY);
    expect(lateLists.some((r) => r.template === 'QD22-MAU-01' && r.period === '2026-02')).toBe(true);
    expect(log.overdue.length).toBeGreaterThanOrEqual(lateLists.length);
    expect(first.failed).toBe(0);

    // A second sweep, and two schedulers at once, record nothing more.
    await Promise.all([
      fixture.scheduler(undefined, { reports: true }).sweepNow(),
      fixture.scheduler(undefined, { reports: true }).sweepNow(),
    ]);
    const again = await scheduledInLog(fixture);
    expect(again.requested).toEqual(log.requested);
    expect(again.overdue.sort()).toEqual(log.overdue.sort());
  });

  it('lets the commune police see the reports it owes on its board, and not another province’s', async () => {
    fixture = await scheduledApp(TODAY);
    await fixture.scheduler(undefined, { reports: true }).sweepNow();
    const owed = scheduledRequests(await fixture.deps.tree.current(), TODAY);
    const police = owed[0]!.reportingUnit;
    const mine = owed.filter((r) => r.reportingUnit === police);
    const token = await fixture.token('commune-police', police);
    const reply = await fixture.app.inject({
      method: 'GET',
      url: `/views/reports?reportingUnit=${encodeURIComponent(police)}&limit=200`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(reply.statusCode).toBe(200);
    const body = reply.json<{ items: Array<Record<string, unknown>> }>();
    const periods = body.items.map((doc) => `${String(doc.template)} ${String(doc.period)}`);
    for (const r of mine) expect(periods).toContain(`${r.template} ${r.period}`);
    // Another commune's police owes its own reports; this unit's board shows none of them.
    const elsewhere = owed.find(
      (r) => !r.recipientUnit.startsWith(mine[0]!.recipientUnit) && r.reportingUnit !== police,
    );
    const theirs = await fixture.app.inject({
      method: 'GET',
      url: `/views/reports?reportingUnit=${encodeURIComponent(elsewhere!.reportingUnit)}`,
      headers: { authorization: `Bearer ${token}` },
    });
    // The board is scoped, not an error: it lists nothing of theirs.
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json<{ items: unknown[] }>().items).toEqual([]);
  });
});
