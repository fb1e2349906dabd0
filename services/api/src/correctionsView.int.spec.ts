import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@dacxa/domain';
import { seededApp } from './testing/seededApp.js';

// The corrections inbox: what awaits a second person's approval, read as the corrected record is.
let fixture: Awaited<ReturnType<typeof seededApp>>;
const POLICE = 'xa-an-khanh/cong-an';
const caseId = randomUUID();
const correctionId = randomUUID();
let proposedAt = '0';

beforeAll(async () => {
  fixture = await seededApp();
  const received = await send('commune-police', POLICE, `/cases/${caseId}/commands/ReceiveReleaseNotice`, {
    caseId,
    person: { personId: randomUUID(), fullName: 'Người Giả Định Hộp Thư', birthDate: '1990' },
    source: 'AMNESTY',
    communeCode: 'xa-an-khanh',
    releaseDate: '2025-10-30',
    reportBy: '2025-11-09',
    receivedOn: '2025-11-03',
    notice: { number: '310/TB-TG', date: '2025-10-30' },
  });
  expect(received.statusCode, received.body).toBe(201);
  const proposed = await send(
    'commune-police',
    POLICE,
    `/corrections/${correctionId}/commands/ProposeCorrection`,
    {
      correctionId,
      target: { kind: 'case', id: caseId, revision: 0 },
      action: 'correct',
      changes: [{ path: ['notice', 'number'], value: '301/TB-TG' }],
      reason: 'Ghi nhầm số thông báo',
    },
    'u-cong-an-1',
  );
  expect(proposed.statusCode, proposed.body).toBe(201);
  proposedAt = proposed.json<{ position: string }>().position;
}, 60_000);
afterAll(() => fixture.close());

async function send(role: Role, unit: string, url: string, payload: Record<string, unknown>, actor?: string) {
  const token = await fixture.token(role, unit, actor);
  return fixture.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload });
}

async function inbox(role: Role, unit: string, query = '') {
  const token = await fixture.token(role, unit);
  const reply = await fixture.app.inject({
    url: `/views/corrections?minPosition=${proposedAt}${query}`,
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: reply.statusCode, body: reply.json<{ items?: Array<Record<string, unknown>> }>() };
}

describe('GET /views/corrections', () => {
  it('shows the chair a pending correction the police of their commune proposed', async () => {
    const { status, body } = await inbox('commune-chair', 'xa-an-khanh', '&status=pending');
    expect(status).toBe(200);
    expect(body.items).toEqual([
      expect.objectContaining({
        correctionId,
        target: {
          kind: 'case',
          id: caseId,
          stream: `case-${caseId}`,
          revision: 0,
          type: 'ReleaseNoticeReceived',
        },
        changes: [{ path: ['notice', 'number'], value: '301/TB-TG' }],
        reason: 'Ghi nhầm số thông báo',
        proposedBy: 'u-cong-an-1',
        status: 'pending',
        decidedBy: null,
      }),
    ]);
    // The case's person is on the record corrected, never in the inbox.
    expect(JSON.stringify(body)).not.toContain('Người Giả Định');
  });

  it('shows another commune’s officers none of it', async () => {
    for (const [role, unit] of [
      ['commune-chair', 'phuong-le-chan'],
      ['commune-police', 'phuong-le-chan/cong-an'],
    ] as const) {
      const { status, body } = await inbox(role, unit);
      expect(status).toBe(200);
      expect(body.items?.map((c) => c.correctionId)).not.toContain(correctionId);
    }
    // Nor by asking for the other commune by name.
    expect((await inbox('commune-chair', 'phuong-le-chan', '&unit=xa-an-khanh')).status).toBe(403);
  });

  it('answers a garbage filter with 400 problem+json', async () => {
    for (const query of ['&status=maybe', '&targetKind=person', '&targetId=nope', '&colour=red']) {
      const { status, body } = await inbox('commune-chair', 'xa-an-khanh', query);
      expect(status, query).toBe(400);
      expect(body).toMatchObject({ code: 'ERR_VALIDATION' });
    }
  });

  it('moves the correction to the decided once a second person approves it', async () => {
    const approved = await send(
      'commune-chair',
      'xa-an-khanh',
      `/corrections/${correctionId}/commands/ApproveCorrection`,
      { correctionId },
      'u-chu-tich',
    );
    expect(approved.statusCode, approved.body).toBe(201);
    proposedAt = approved.json<{ position: string }>().position;
    expect((await inbox('commune-chair', 'xa-an-khanh', '&status=pending')).body.items).toEqual([]);
    const decided = await inbox('commune-police', POLICE, `&status=approved&targetId=${caseId}`);
    expect(decided.body.items).toEqual([
      expect.objectContaining({ correctionId, status: 'approved', decidedBy: 'u-chu-tich' }),
    ]);
  });
});
