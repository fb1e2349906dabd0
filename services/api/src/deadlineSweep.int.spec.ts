import { afterEach, describe, expect, it } from 'vitest';
import { BUILT_IN_CALENDAR, dueUnderRule, nextQuarter, quarterEnd } from '@dacxa/domain';
import type { MarkerHandler } from '@dacxa/runtime';
import { EXTRA, scheduledApp } from './testing/scheduledApp.js';

const TODAY = '2026-02-20';
let fixture: Awaited<ReturnType<typeof scheduledApp>> | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const MISSED: Record<string, string> = {
  case: 'CaseDeadlineMissed',
  dossier: 'DossierDeadlineMissed',
  oversight: 'OversightDeadlineMissed',
  round: 'RoundDeadlineMissed',
};

/** The duties the deadlines view has open past their due date as of 20/02/2026, as the events the clock owes. */
async function openDuties(app: Awaited<ReturnType<typeof scheduledApp>>): Promise<string[]> {
  const duties = await app.documents.find(app.engine.collection('deadlines', 'deadlines'), {
    where: { status: 'open', dueDate: { lt: TODAY } },
    limit: 1000,
  });
  return duties.items.flatMap(({ doc }) => {
    const stream = String(doc.stream);
    const missed = `${stream} ${MISSED[stream.slice(0, stream.indexOf('-'))] ?? '?'}`;
    return [missed, ...quartersAfter(doc).map(() => missed)];
  });
}

/** A quarterly report recorded missed opens the next quarter's: those already past due are owed too. */
function quartersAfter(doc: Record<string, unknown>): string[] {
  if (doc.rule !== 'case.quarterly-report') return [];
  const owedToo: string[] = [];
  for (let q = nextQuarter(String(doc.key)); ; q = nextQuarter(q)) {
    if (dueUnderRule('case.quarterly-report', quarterEnd(q), BUILT_IN_CALENDAR).date >= TODAY) return owedToo;
    owedToo.push(q);
  }
}

/** What the clock owes as of 20/02/2026: every expected person past report-by, every open duty past due, the extra task and report. */
async function owed(app: Awaited<ReturnType<typeof scheduledApp>>): Promise<string[]> {
  const cases = await app.documents.find(app.engine.collection('case-files', 'case_files'), {
    where: { status: 'expected', reportBy: { lt: TODAY } },
    limit: 200,
  });
  return [
    ...cases.items.map((c) => `case-${c.id} ReportingDeadlineMissed`),
    ...(await openDuties(app)),
    `report-${EXTRA.overdueReport.id} ReportOverdue`,
    `task-${EXTRA.overdueTask.id} TaskOverdue`,
  ].sort();
}

describe('the deadline sweep on an injected clock', () => {
  it('marks exactly what is overdue as of 20/02/2026, dated the day after each due date', async () => {
    fixture = await scheduledApp(TODAY);
    const expected = await owed(fixture);
    expect(expected.length).toBeGreaterThan(2);
    const result = await fixture.scheduler().sweepNow();
    expect(result).toMatchObject({
      today: TODAY,
      due: expected.length,
      recorded: expected.length,
      failed: 0,
    });
    expect(await fixture.markers()).toEqual(expected);
    let task: Record<string, unknown> | undefined;
    for await (const event of fixture.store.readStream(`task-${EXTRA.overdueTask.id}`))
      if (event.type === 'TaskOverdue') task = { data: event.data, meta: event.metadata };
    expect(task).toMatchObject({
      data: { dueDate: '2026-01-15', detectedOn: '2026-01-16' },
      meta: { actor: 'dacxa-scheduler', role: 'system', unit: 'he-thong' },
    });
    // The task due on 25/02 is not yet due; the REQUEST to the Front is awaited, never overdue.
    expect(expected.some((m) => m.includes(EXTRA.soonTask.id))).toBe(false);
  });

  it('records nothing new when it runs again', async () => {
    fixture = await scheduledApp(TODAY);
    const scheduler = fixture.scheduler();
    const first = await scheduler.sweepNow();
    const markers = await fixture.markers();
    const second = await scheduler.sweepNow();
    expect(second.recorded).toBe(0);
    expect(second.failed).toBe(0);
    expect(await fixture.markers()).toEqual(markers);
    expect(first.recorded).toBe(markers.length);
  });

  it('records each marker once when two schedulers sweep at the same time', async () => {
    fixture = await scheduledApp(TODAY);
    const expected = await owed(fixture);
    const [a, b] = await Promise.all([fixture.scheduler().sweepNow(), fixture.scheduler().sweepNow()]);
    expect(await fixture.markers()).toEqual(expected);
    expect(a.recorded + b.recorded).toBe(expected.length);
    expect(a.failed + b.failed).toBe(0);
  });

  it('finishes after a restart in the middle of a sweep, without recording anything twice', async () => {
    fixture = await scheduledApp(TODAY);
    const expected = await owed(fixture);
    let sent = 0;
    const first = fixture.scheduler((inner): MarkerHandler => async (kind, command) => {
      if (++sent === 3) void first.stop();
      return inner(kind, command);
    });
    const interrupted = await first.sweepNow();
    expect(interrupted.interrupted).toBe(true);
    expect(interrupted.recorded).toBe(3);
    expect(await fixture.markers()).toHaveLength(3);
    const restarted = await fixture.scheduler().sweepNow();
    expect(restarted).toMatchObject({ interrupted: false, failed: 0, recorded: expected.length - 3 });
    expect(await fixture.markers()).toEqual(expected);
  });

  it('sweeps once at start, after the views have caught up', async () => {
    fixture = await scheduledApp(TODAY);
    const expected = await owed(fixture);
    const scheduler = fixture.scheduler();
    scheduler.start();
    for (let i = 0; i < 200 && (await fixture.markers()).length < expected.length; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(await fixture.markers()).toEqual(expected);
  });

  it('refuses the task and report markers to every person’s token, and the system role to any token', async () => {
    fixture = await scheduledApp(TODAY);
    const chair = await fixture.token('commune-chair', 'xa-an-khanh');
    for (const url of [
      `/tasks/${EXTRA.overdueTask.id}/commands/MarkTaskOverdue`,
      `/reports/${EXTRA.overdueReport.id}/commands/MarkReportOverdue`,
    ]) {
      const response = await fixture.app.inject({
        method: 'POST',
        url,
        headers: { authorization: `Bearer ${chair}` },
        payload: { detectedOn: '2026-02-01' },
      });
      expect(response.statusCode, url).toBe(403);
    }
    const { issueDevToken } = await import('./devToken.js');
    const forged = await issueDevToken(Buffer.alloc(32, 1), { actor: 'x', role: 'system', unit: 'he-thong' });
    const response = await fixture.app.inject({
      method: 'POST',
      url: `/tasks/${EXTRA.overdueTask.id}/commands/MarkTaskOverdue`,
      headers: { authorization: `Bearer ${forged}` },
      payload: { detectedOn: '2026-02-01' },
    });
    expect(response.statusCode).toBe(401);
    expect(await fixture.markers()).toEqual([]);
  });
});

describe('the sweep over the deadlines view', () => {
  it('records each open duty past its due date once, keyed by stream, rule and date, and the view shows it recorded', async () => {
    fixture = await scheduledApp(TODAY);
    const duties = await openDuties(fixture);
    expect(duties.length).toBeGreaterThan(0);
    const first = await fixture.scheduler().sweepNow();
    expect(first.failed).toBe(0);
    await fixture.engine.waitFor((await fixture.store.headPosition()) ?? 0n, 30_000);
    expect(await openDuties(fixture)).toEqual([]);
    const recorded = await fixture.documents.find(fixture.engine.collection('deadlines', 'deadlines'), {
      where: { status: 'missed-recorded' },
      limit: 1000,
    });
    expect(recorded.items).toHaveLength(duties.length);
    const one = recorded.items[0]?.doc as {
      stream: string;
      rule: string;
      key: string | null;
      dueDate: string;
      missedOn: string;
    };
    const day = new Date(`${one.dueDate}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 1);
    expect(one.missedOn).toBe(day.toISOString().slice(0, 10));
    let event: { data: unknown; meta: unknown } | undefined;
    for await (const e of fixture.store.readStream(one.stream))
      if (e.type.endsWith('DeadlineMissed')) {
        const { rule, key } = e.data as { rule: string; key?: string };
        if (rule === one.rule && (key ?? null) === one.key) event = { data: e.data, meta: e.metadata };
      }
    expect(event).toMatchObject({
      data: { rule: one.rule, dueOn: one.dueDate, detectedOn: one.missedOn },
      meta: { actor: 'dacxa-scheduler', role: 'system', unit: 'he-thong' },
    });
    // Again, and two at once: nothing new.
    const markers = await fixture.markers();
    const [a, b] = await Promise.all([fixture.scheduler().sweepNow(), fixture.scheduler().sweepNow()]);
    expect(a.recorded + b.recorded + a.failed + b.failed).toBe(0);
    expect(await fixture.markers()).toEqual(markers);
  });

  it('refuses RecordDeadlineMissed to a person’s token', async () => {
    fixture = await scheduledApp(TODAY);
    const [duty] = (
      await fixture.documents.find(fixture.engine.collection('deadlines', 'deadlines'), {
        where: { status: 'open', dueDate: { lt: TODAY }, rule: 'case.open-file' },
        limit: 1,
      })
    ).items;
    const doc = duty?.doc as { stream: string; dueDate: string; unit: string; scopeUnit: string } | undefined;
    if (!doc) throw new Error('the demo has no open file past due');
    const police = await fixture.token('commune-police', doc.scopeUnit);
    const response = await fixture.app.inject({
      method: 'POST',
      url: `/cases/${doc.stream.slice(5)}/commands/RecordDeadlineMissed`,
      headers: { authorization: `Bearer ${police}` },
      payload: { rule: 'case.open-file', dueOn: doc.dueDate, detectedOn: '2026-02-19' },
    });
    expect(response.statusCode, response.body).toBe(403);
    expect(response.json()).toMatchObject({ rule: 'deadline.missed-by-system' });
    expect(await fixture.markers()).toEqual([]);
  });
});
