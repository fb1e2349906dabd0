import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApp } from './testing/seededApp.js';

// A person's request about the data the commune holds, with Decree 356/2025's clocks (invented ids).
let fixture: Awaited<ReturnType<typeof seededApp>>;
beforeAll(async () => {
  fixture = await seededApp(() => new Date('2026-04-29T03:00:00Z'));
}, 60_000);
afterAll(() => fixture.close());

const send = async (role: string, unit: string, id: string, type: string, payload: unknown) =>
  fixture.app.inject({
    method: 'POST',
    url: `/subject-requests/${id}/commands/${type}`,
    headers: { authorization: `Bearer ${await fixture.token(role as never, unit)}` },
    payload: payload as Record<string, unknown>,
  });
const request = (requestId: string, extra: Record<string, unknown> = {}) => ({
  requestId,
  personId: randomUUID(),
  communeCode: 'xa-an-khanh',
  kind: 'OBJECTION',
  channel: 'POST',
  viaProcessor: false,
  receivedOn: '2026-04-29',
  ...extra,
});

describe('POST /subject-requests/:id/commands', () => {
  it('records a request by the commune’s police with its clocks, and shows it in the deadlines view', async () => {
    const id = randomUUID();
    const reply = await send(
      'commune-police',
      'xa-an-khanh/cong-an',
      id,
      'ReceiveSubjectRequest',
      request(id),
    );
    expect(reply.statusCode, reply.body).toBe(201);
    await fixture.engine.waitFor((await fixture.store.headPosition()) ?? 0n, 10_000);
    const open = await fixture.documents.find(fixture.engine.collection('deadlines', 'deadlines'), {
      where: { stream: `subject-request-${id}` },
      limit: 10,
    });
    expect(open.items.map((d) => [d.doc.rule, d.doc.dueDate]).sort()).toEqual([
      ['subject-request.acknowledge', '2026-05-05'],
      ['subject-request.respond', '2026-05-14'],
    ]);
  });

  it('refuses another commune, a village head, deadlines from the body, and a far-future date', async () => {
    const id = randomUUID();
    const other = await send(
      'commune-police',
      'xa-thi-diem/cong-an',
      id,
      'ReceiveSubjectRequest',
      request(id),
    );
    expect([403, 404]).toContain(other.statusCode);
    const village = await send(
      'village-head',
      'xa-an-khanh/thon-2',
      id,
      'ReceiveSubjectRequest',
      request(id),
    );
    expect(village.statusCode).toBe(403);
    const forged = await send(
      'commune-police',
      'xa-an-khanh/cong-an',
      id,
      'ReceiveSubjectRequest',
      request(id, { respondBy: '2030-01-01' }),
    );
    expect(forged.statusCode, forged.body).toBe(400);
    const future = await send(
      'commune-police',
      'xa-an-khanh/cong-an',
      id,
      'ReceiveSubjectRequest',
      request(id, { receivedOn: '2099-12-31' }),
    );
    expect(future.statusCode, future.body).toBe(409);
    expect(future.json<{ rule: string }>().rule).toBe('subject-request.not-yet');
    const history = await fixture.app.inject({
      method: 'GET',
      url: `/subject-requests/${id}/history`,
      headers: { authorization: `Bearer ${await fixture.token('commune-police', 'xa-an-khanh/cong-an')}` },
    });
    expect([200, 404]).toContain(history.statusCode);
    if (history.statusCode === 200) expect(history.json<{ events: unknown[] }>().events).toEqual([]);
  });
});
