import { afterEach, describe, expect, it } from 'vitest';
import { scheduledApp } from './testing/scheduledApp.js';

const TODAY = '2026-02-20';
let fixture: Awaited<ReturnType<typeof scheduledApp>> | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const POLICE = 'xa-an-khanh/cong-an';
const LATE = '0192f5c4-0000-7000-8000-0000000b1001';
const RECENT = '0192f5c4-0000-7000-8000-0000000b1002';

async function recordBreach(app: NonNullable<typeof fixture>, breachId: string, detectedAt: string) {
  return app.app.inject({
    method: 'POST',
    url: `/breaches/${breachId}/commands/RecordBreach`,
    headers: { authorization: `Bearer ${await app.token('commune-police', POLICE)}` },
    payload: {
      breachId,
      controllerUnit: POLICE,
      detectedAt,
      nature: 'LOSS',
      dataCategories: ['IDENTITY'],
      peopleAffected: 3,
      description: 'Mất một sổ theo dõi giấy; đã báo cáo lãnh đạo.',
    },
  });
}

describe('a breach’s 72 hours on the clock', () => {
  it('marks the notice overdue once the 72 clock hours have passed, and not before', async () => {
    fixture = await scheduledApp(TODAY);
    expect((await recordBreach(fixture, LATE, '2026-02-16T10:00:00.000Z')).statusCode).toBe(201);
    expect((await recordBreach(fixture, RECENT, '2026-02-19T08:00:00.000Z')).statusCode).toBe(201);
    // A detection after the service's clock is refused, and nothing is written.
    const future = await recordBreach(
      fixture,
      '0192f5c4-0000-7000-8000-0000000b1003',
      '2026-02-21T00:00:00.000Z',
    );
    expect(future.statusCode).toBe(409);

    await fixture.scheduler().sweepNow();
    await fixture.scheduler().sweepNow();
    const markers = (await fixture.markers()).filter((m) => m.startsWith('breach-'));
    expect(markers).toEqual([`breach-${LATE} BreachNotificationOverdue`]);

    const head = (await fixture.store.headPosition()) ?? 0n;
    const board = await fixture.app.inject({
      method: 'GET',
      url: `/views/breaches?controllerUnit=${encodeURIComponent(POLICE)}&minPosition=${head}`,
      headers: { authorization: `Bearer ${await fixture.token('commune-police', POLICE)}` },
    });
    const items = board.json<{ items: Array<{ breachId: string; overdue: boolean; notifyBy: string }> }>()
      .items;
    expect(items.map((i) => [i.breachId, i.overdue, i.notifyBy]).sort()).toEqual([
      [LATE, true, '2026-02-19T10:00:00.000Z'],
      [RECENT, false, '2026-02-22T08:00:00.000Z'],
    ]);
    // Another commune's police sees none of them, and cannot write to them.
    const other = await fixture.token('commune-police', 'xa-minh-hoa/cong-an');
    const theirs = await fixture.app.inject({
      method: 'GET',
      url: '/views/breaches',
      headers: { authorization: `Bearer ${other}` },
    });
    expect(theirs.json<{ items: unknown[] }>().items).toEqual([]);
    const write = await fixture.app.inject({
      method: 'POST',
      url: `/breaches/${LATE}/commands/NotifyBreach`,
      headers: { authorization: `Bearer ${other}` },
      payload: { notifiedAt: '2026-02-20T01:00:00.000Z', document: { number: '1/TB', date: '2026-02-20' } },
    });
    expect(write.statusCode).toBe(404);

    // A notice sent twice with one Idempotency-Key is recorded once, and answered the same.
    const notify = async () =>
      fixture!.app.inject({
        method: 'POST',
        url: `/breaches/${RECENT}/commands/NotifyBreach`,
        headers: {
          authorization: `Bearer ${await fixture!.token('commune-police', POLICE)}`,
          'idempotency-key': 'tb-breach-1',
        },
        payload: { notifiedAt: '2026-02-20T01:00:00.000Z', document: { number: '1/TB', date: '2026-02-20' } },
      });
    const first = await notify();
    const again = await notify();
    expect(first.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    let notices = 0;
    for await (const e of fixture.store.readStream(`breach-${RECENT}`))
      if (e.type === 'BreachNotified') notices++;
    expect(notices).toBe(1);
  });
});
