import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApp } from './testing/seededApp.js';

// Four eyes: one person proposes a correction of a recorded fact, a second of a role that may
// write the record approves it; the original is never changed, history reads it corrected.
let clock = new Date('2025-11-03T02:00:00Z');
let fixture: Awaited<ReturnType<typeof seededApp>>;
const POLICE = 'xa-an-khanh/cong-an';
const caseId = randomUUID();
beforeAll(async () => {
  fixture = await seededApp(() => clock);
  const written = await send('commune-police', POLICE, `/cases/${caseId}/commands/ReceiveReleaseNotice`, {
    caseId,
    person: { personId: randomUUID(), fullName: 'Người Giả Định Đính Chính', birthDate: '1991' },
    source: 'AMNESTY',
    communeCode: 'xa-an-khanh',
    releaseDate: '2025-10-30',
    reportBy: '2025-11-09',
    receivedOn: '2025-11-03',
    notice: { number: '310/TB-TG', date: '2025-10-30' },
  });
  expect(written.statusCode, written.body).toBe(201);
}, 60_000);
afterAll(() => fixture.close());

async function send(role: string, unit: string, url: string, payload: unknown, actor?: string) {
  return fixture.app.inject({
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${await fixture.token(role as never, unit, actor)}` },
    payload: payload as Record<string, unknown>,
  });
}
const propose = (id: string, body: Record<string, unknown>, actor = 'u-cong-an-1') =>
  send(
    'commune-police',
    POLICE,
    `/corrections/${id}/commands/ProposeCorrection`,
    { correctionId: id, target: { kind: 'case', id: caseId, revision: 0 }, ...body },
    actor,
  );
const approve = (id: string, role: string, unit: string, actor: string) =>
  send(role, unit, `/corrections/${id}/commands/ApproveCorrection`, { correctionId: id }, actor);
async function history(asOf?: string) {
  const reply = await fixture.app.inject({
    method: 'GET',
    url: `/cases/${caseId}/history${asOf ? `?asOf=${asOf}` : ''}`,
    headers: { authorization: `Bearer ${await fixture.token('commune-police', POLICE)}` },
  });
  return reply.json<{
    events: Array<{ data: { notice: { number: string } }; corrections?: unknown[]; voided?: boolean }>;
  }>();
}

describe('a correction, proposed by one and approved by another', () => {
  const id = randomUUID();
  const change = {
    action: 'correct',
    changes: [{ path: ['notice', 'number'], value: '301/TB-TG' }],
    reason: 'Ghi nhầm số thông báo',
  };

  it('is refused to its own proposer and to a role that may not write the case', async () => {
    expect((await propose(id, change)).statusCode).toBe(201);
    const self = await approve(id, 'commune-police', POLICE, 'u-cong-an-1');
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ code: 'ERR_FORBIDDEN', rule: 'correction.four-eyes' });
    const front = await approve(id, 'fatherland-front', 'xa-an-khanh/mat-tran', 'u-mttq-1');
    expect(front.statusCode).toBe(403);
    // Until approved, the history reads as recorded.
    expect((await history()).events[0]?.data.notice.number).toBe('310/TB-TG');
  });

  it('once approved, reads corrected with its trail, and as it was before the approval day', async () => {
    clock = new Date('2025-11-05T02:00:00Z');
    const approved = await approve(id, 'commune-chair', 'xa-an-khanh', 'u-chu-tich');
    expect(approved.statusCode, approved.body).toBe(201);
    const now = (await history()).events[0];
    expect(now?.data.notice.number).toBe('301/TB-TG');
    expect(now?.corrections).toEqual([
      expect.objectContaining({
        action: 'correct',
        changes: [{ path: ['notice', 'number'], from: '310/TB-TG', to: '301/TB-TG' }],
        reason: 'Ghi nhầm số thông báo',
        proposedBy: 'u-cong-an-1',
        approvedBy: 'u-chu-tich',
        approvedOn: '2025-11-05',
      }),
    ]);
    const before = (await history('2025-11-04')).events[0];
    expect(before?.data.notice.number).toBe('310/TB-TG');
    expect(before?.corrections).toBeUndefined();
    // Approved once: a second approval is refused.
    expect((await approve(id, 'commune-chair', 'xa-an-khanh', 'u-chu-tich-2')).statusCode).toBe(409);
  });
});

describe('what a correction may not do', () => {
  it('restate a sealed personal field in clear, name a missing field or event, or carry its own proposer', async () => {
    const personal = await propose(randomUUID(), {
      action: 'correct',
      changes: [{ path: ['person', 'fullName'], value: 'Tên Khác' }],
      reason: 'Sai tên',
    });
    expect(personal.json()).toMatchObject({ rule: 'correction.personal-field' });
    const missing = await propose(randomUUID(), {
      action: 'correct',
      changes: [{ path: ['nothing', 'here'], value: 1 }],
      reason: 'Không có',
    });
    expect(missing.json()).toMatchObject({ rule: 'correction.no-such-field' });
    const invalid = await propose(randomUUID(), {
      action: 'correct',
      changes: [{ path: ['releaseDate'], value: 'hôm qua' }],
      reason: 'Sai ngày',
    });
    expect(invalid.json()).toMatchObject({ rule: 'correction.invalid-value' });
    const id = randomUUID();
    const noEvent = await send('commune-police', POLICE, `/corrections/${id}/commands/ProposeCorrection`, {
      correctionId: id,
      target: { kind: 'case', id: caseId, revision: 7 },
      action: 'void',
      changes: [],
      reason: 'Không có',
    });
    expect(noEvent.json()).toMatchObject({ rule: 'correction.no-such-event' });
    const forged = await propose(randomUUID(), {
      action: 'void',
      changes: [],
      reason: 'x x x',
      proposedBy: 'u-khac',
    });
    expect(forged.statusCode).toBe(400);
  });

  it('touch another unit’s record: it is answered as missing', async () => {
    const id = randomUUID();
    const reply = await send(
      'commune-police',
      'xa-minh-hoa/cong-an',
      `/corrections/${id}/commands/ProposeCorrection`,
      {
        correctionId: id,
        target: { kind: 'case', id: caseId, revision: 0 },
        action: 'void',
        changes: [],
        reason: 'Không thuộc đơn vị',
      },
    );
    expect([403, 404]).toContain(reply.statusCode);
  });
});

describe('voiding a mistaken event', () => {
  it('marks it voided in history once a second person approves', async () => {
    const id = randomUUID();
    expect((await propose(id, { action: 'void', changes: [], reason: 'Nhập trùng' })).statusCode).toBe(201);
    expect((await approve(id, 'commune-chair', 'xa-an-khanh', 'u-chu-tich')).statusCode).toBe(201);
    expect((await history()).events[0]?.voided).toBe(true);
  });
});
