import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVENTED_2027 } from '@dacxa/domain/calendar-testing';
import { seededApp } from './testing/seededApp.js';

// The holiday calendar over HTTP: one stream for the country, amended by later publications.
let fixture: Awaited<ReturnType<typeof seededApp>>;
beforeAll(async () => {
  fixture = await seededApp();
}, 60_000);
afterAll(() => fixture.close());

const publish = async (role: 'admin' | 'commune-police', unit: string, body: unknown = INVENTED_2027) =>
  fixture.app.inject({
    method: 'POST',
    url: '/calendar/commands/PublishHolidayCalendar',
    headers: { authorization: `Bearer ${await fixture.token(role, unit)}` },
    payload: body as Record<string, unknown>,
  });

describe('POST /calendar/commands/PublishHolidayCalendar', () => {
  it('is refused to a province’s admin and to commune police, and nothing is recorded', async () => {
    expect((await publish('admin', 'tp-hai-phong')).statusCode).toBe(403);
    expect([403, 404]).toContain((await publish('commune-police', 'xa-an-khanh/cong-an')).statusCode);
    const history = await fixture.app.inject({
      method: 'GET',
      url: '/calendar/history',
      headers: { authorization: `Bearer ${await fixture.token('admin', 'bo-cong-an')}` },
    });
    expect(history.statusCode).toBe(404);
  });

  it('records a national admin’s publication, with its document, in the log', async () => {
    const reply = await publish('admin', 'bo-cong-an');
    expect(reply.statusCode, reply.body).toBe(201);
    const history = await fixture.app.inject({
      method: 'GET',
      url: '/calendar/history',
      headers: { authorization: `Bearer ${await fixture.token('admin', 'bo-cong-an')}` },
    });
    const events = history.json<{ events: Array<{ type: string; data: { year: number } }> }>().events;
    expect(events.map((e) => [e.type, e.data.year])).toEqual([['HolidayCalendarPublished', 2027]]);
  });

  it('refuses a body that says when it was published, or a year of garbage', async () => {
    expect(
      (await publish('admin', 'bo-cong-an', { ...INVENTED_2027, publishedAt: '2020-01-01T00:00:00Z' }))
        .statusCode,
    ).toBe(400);
    expect((await publish('admin', 'bo-cong-an', { ...INVENTED_2027, year: 99999 })).statusCode).toBe(400);
  });
});
