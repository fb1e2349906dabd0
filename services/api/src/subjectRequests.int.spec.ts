import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApp } from './testing/seededApp.js';

// A person's request about the data the commune holds, with Decree 356/2025's clocks (invented ids).
let fixture: Awaited<ReturnType<typeof seededApp>>;
beforeAll(async () => {
  fixture = await seededApp(() => new Date('2026-04-29T03:00:00Z'));
}, 60_000);
afterAll(() => fixture.close());

const send = async (
  role: string,
  unit: string,
  id: string,
  type: string,
  payload: unknown,
  headers: Record<string, string> = {},
) =>
  fixture.app.inject({
    method: 'POST',
    url: `/subject-requests/${id}/commands/${type}`,
    headers: { authorization: `Bearer ${await fixture.token(role as never, unit)}`, ...headers },
    payload: payload as Record<string, unknown>,
  });
const read = async (role: string, unit: string, id: string) =>
  fixture.app.inject({
    method: 'GET',
    url: `/subject-requests/${id}/history`,
    headers: { authorization: `Bearer ${await fixture.token(role as never, unit)}` },
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

  it('records a request once under a replayed Idempotency-Key, refuses the key for another body, and shows it to no other commune', async () => {
    const id = randomUUID();
    const body = request(id);
    const key = { 'idempotency-key': `sr-${id}` };
    const police = ['commune-police', 'xa-an-khanh/cong-an'] as const;
    expect((await send(...police, id, 'ReceiveSubjectRequest', body, key)).statusCode).toBe(201);
    expect((await send(...police, id, 'ReceiveSubjectRequest', body, key)).statusCode).toBe(201);
    const reused = await send(...police, id, 'ReceiveSubjectRequest', { ...body, kind: 'ACCESS' }, key);
    expect(reused.json()).toMatchObject({ code: 'ERR_IDEMPOTENCY_KEY_REUSED' });
    const history = await read(...police, id);
    expect(history.statusCode).toBe(200);
    expect(history.json<{ events: Array<{ type: string }> }>().events.map((e) => e.type)).toEqual([
      'SubjectRequestReceived',
    ]);
    expect((await read('commune-police', 'xa-thi-diem/cong-an', id)).statusCode).toBe(404);
    expect((await read('village-head', 'xa-an-khanh/thon-2', id)).statusCode).toBe(404);
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
    const history = await read('commune-police', 'xa-an-khanh/cong-an', id);
    expect([200, 404]).toContain(history.statusCode);
    if (history.statusCode === 200) expect(history.json<{ events: unknown[] }>().events).toEqual([]);
  });
});
