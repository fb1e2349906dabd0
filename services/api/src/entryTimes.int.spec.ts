import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApp } from './testing/seededApp.js';

// Two times: when the act happened (Occurred-On) and when it was entered (the server's clock).
// The fixture's clock stands at 03/11/2025, 09:00 in Hà Nội.
let fixture: Awaited<ReturnType<typeof seededApp>>;
let police: string;
const POLICE = 'xa-an-khanh/cong-an';
beforeAll(async () => {
  fixture = await seededApp();
  police = await fixture.token('commune-police', POLICE);
}, 60_000);
afterAll(() => fixture.close());

const notice = (caseId: string) => ({
  caseId,
  person: { personId: randomUUID(), fullName: 'Người Giả Định Ghi Muộn', birthDate: '1990' },
  source: 'AMNESTY',
  communeCode: 'xa-an-khanh',
  releaseDate: '2025-10-20',
  reportBy: '2025-10-30',
  receivedOn: '2025-10-21',
  notice: { number: '301/TB-TG', date: '2025-10-20' },
});

const post = (caseId: string, headers: Record<string, string>, body: unknown = notice(caseId)) =>
  fixture.app.inject({
    method: 'POST',
    url: `/cases/${caseId}/commands/ReceiveReleaseNotice`,
    headers: { authorization: `Bearer ${police}`, ...headers },
    payload: body as Record<string, unknown>,
  });
const get = (url: string) =>
  fixture.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${police}` } });

describe('an act entered after the day it happened', () => {
  const caseId = randomUUID();
  const reason = 'Mất điện, máy không vào được hệ thống';

  it('records both days and the stated reason, and the timeline says it was entered late', async () => {
    const written = await post(caseId, {
      'occurred-on': '2025-10-21',
      'late-reason': encodeURIComponent(reason),
    });
    expect(written.statusCode, written.body).toBe(201);
    const history = (await get(`/cases/${caseId}/history`)).json<{
      events: Array<{ occurredOn: string; recordedAt: string; lateReason?: string }>;
    }>();
    expect(history.events[0]).toMatchObject({ occurredOn: '2025-10-21', lateReason: reason });
    expect(history.events[0]?.recordedAt).toBe('2025-11-03T02:00:00.000Z');
    const timeline = (await get(`/cases/${caseId}/timeline`)).json<{
      entries: Array<{ occurredOn: string; recordedOn: string; text: string }>;
    }>();
    expect(timeline.entries[0]).toMatchObject({ occurredOn: '2025-10-21', recordedOn: '2025-11-03' });
    expect(timeline.entries[0]?.text).toContain(`ghi nhận ngày 03/11/2025, lý do ghi muộn: ${reason}`);
  });

  it('answers "as of" by what had happened, or by what the system knew, as asked', async () => {
    const byOccurrence = await get(`/cases/${caseId}/history?asOf=2025-10-25&by=occurrence`);
    expect(byOccurrence.statusCode).toBe(200);
    expect(byOccurrence.json<{ by: string; events: unknown[] }>()).toMatchObject({ by: 'occurrence' });
    expect(byOccurrence.json<{ events: unknown[] }>().events).toHaveLength(1);
    // On 25/10 nothing of it was in the system yet: as it stood then, there was no such record.
    expect((await get(`/cases/${caseId}/history?asOf=2025-10-25`)).statusCode).toBe(404);
    expect((await get(`/cases/${caseId}/history?asOf=2025-10-25&by=later`)).statusCode).toBe(400);
  });

  it('binds the act’s date to the idempotency key, like the body', async () => {
    const id = randomUUID();
    const body = notice(id);
    const first = await post(id, { 'idempotency-key': 'late-1', 'occurred-on': '2025-10-21' }, body);
    expect(first.statusCode).toBe(201);
    const again = await post(id, { 'idempotency-key': 'late-1', 'occurred-on': '2025-10-21' }, body);
    expect(again.statusCode).toBe(201);
    const other = await post(id, { 'idempotency-key': 'late-1', 'occurred-on': '2025-10-22' }, body);
    expect(other.json()).toMatchObject({ code: 'ERR_IDEMPOTENCY_KEY_REUSED' });
  });
});

describe('what an entry may not say', () => {
  it('refuses an act dated after the day of entry, and writes nothing', async () => {
    const caseId = randomUUID();
    const reply = await post(caseId, { 'occurred-on': '2025-11-04' });
    expect(reply.statusCode).toBe(422);
    expect(reply.json()).toMatchObject({ code: 'ERR_OCCURRED_IN_FUTURE' });
    expect((await get(`/cases/${caseId}/history`)).statusCode).toBe(404);
  });

  it('refuses garbage dates and reasons with a clear 400', async () => {
    for (const headers of [
      { 'occurred-on': '21/10/2025' },
      { 'occurred-on': '9999-99-99' },
      { 'occurred-on': '2025-10-21', 'late-reason': '%E0%A4%A' },
      { 'occurred-on': '2025-10-21', 'late-reason': 'x' },
    ]) {
      const caseId = randomUUID();
      const reply = await post(caseId, headers);
      expect(reply.statusCode, JSON.stringify(headers)).toBe(400);
      expect((await get(`/cases/${caseId}/history`)).statusCode).toBe(404);
    }
  });
});

describe('a duty met on time but entered after its deadline', () => {
  const caseId = randomUUID();
  const verify = (headers: Record<string, string> = {}) =>
    fixture.app.inject({
      method: 'POST',
      url: `/cases/${caseId}/commands/VerifyResidence`,
      headers: { authorization: `Bearer ${police}`, ...headers },
      payload: {
        address: { communeCode: 'xa-an-khanh', village: 'Thôn 2' },
        verifiedOn: '2025-10-23',
        familyContacted: true,
      },
    });

  it('needs the reason it is entered late, then shows the duty, its due date and the act’s day', async () => {
    // Received 21/10/2025: the residence check is due within 3 working days (TT10 8(1)).
    expect((await post(caseId, {})).statusCode).toBe(201);
    const bare = await verify();
    expect(bare.statusCode).toBe(422);
    expect(bare.json()).toMatchObject({ code: 'ERR_LATE_ENTRY_REASON' });
    const given = await verify({ 'late-reason': encodeURIComponent('Biên bản xác minh nộp chậm') });
    expect(given.statusCode, given.body).toBe(201);
    const events = (await get(`/cases/${caseId}/history`)).json<{
      events: Array<{ type: string; occurredOn: string; lateEntry?: unknown[] }>;
    }>().events;
    expect(events[1]).toMatchObject({
      type: 'ResidenceVerified',
      occurredOn: '2025-10-23',
      lateEntry: [{ rule: 'case.verify-residence', dueOn: '2025-10-24', actOn: '2025-10-23' }],
    });
  });
});

describe('an event recorded in an older shape', () => {
  it('reads in its type’s current shape, saying which version it was recorded in', async () => {
    const caseId = randomUUID();
    expect((await post(caseId, {})).statusCode).toBe(201);
    let subject = '';
    for await (const first of fixture.store.readStream(`case-${caseId}`))
      subject = first.metadata.subject as string;
    // A residence check as v1 recorded it: the address as one line of text.
    await fixture.store.append(`case-${caseId}`, [
      {
        type: 'ResidenceVerified',
        schemaVersion: 1,
        data: { address: 'Số 5, Thôn 2, xã An Khánh', verifiedOn: '2025-10-22', familyContacted: true },
        metadata: { actor: 'u-cu', role: 'commune-police', unit: 'xa-an-khanh', subject },
      },
    ]);
    const history = (await get(`/cases/${caseId}/history`)).json<{
      events: Array<{ type: string; version: number; recordedVersion?: number; data: { address: unknown } }>;
    }>();
    expect(history.events[1]).toMatchObject({
      type: 'ResidenceVerified',
      version: 2,
      recordedVersion: 1,
      data: { address: { communeCode: 'xa-an-khanh', village: 'Thôn 2', street: 'Số 5' } },
    });
  });
});
