import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@dacxa/api';
import { AN_KHANH_PLAN, ROUND_2024, anKhanhCaseId } from '@dacxa/domain/scenarios';
import { connectLive } from './liveClient.js';
import { startServer } from './startServer.js';

// The attacks and careless requests issue 11 names, tried over real HTTP and /ws against the demo.
const POLICE = 'xa-an-khanh/cong-an';
const DOSSIER_1 = '0192f5c4-0011-7000-8000-000000000001';
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer(() => new Date('2025-11-03T02:00:00Z'));
  await seedDemo(server.store, server.stores.sealer);
}, 60_000);
afterAll(() => server.stop());

async function call(role: string, unit: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await server.token(role, unit)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Runs `act` and checks that the log did not grow. */
async function writesNothing<T>(act: () => Promise<T>): Promise<T> {
  const before = await server.store.headPosition();
  const result = await act();
  expect(await server.store.headPosition()).toBe(before);
  return result;
}

describe('facts the server reads, never the client', () => {
  it('refuses a petition that names its own posting date: the field is unknown', async () => {
    const reply = await writesNothing(() =>
      call('facility-warden', 'trai-giam-tinh', 'POST', `/dossiers/${randomUUID()}/commands/SubmitPetition`, {
        dossierId: randomUUID(),
        roundId: ROUND_2024,
        person: { personId: randomUUID(), fullName: 'Phạm nhân giả định X', birthDate: '1980' },
        facilityId: 'trai-giam-tinh',
        submittedOn: '2024-09-25',
        decisionPostedOn: '2024-09-20',
        commitmentSigned: true,
        priorConvictions: 0,
        sentence: {
          kind: 'FIXED',
          termMonths: 60,
          servedSince: '2021-01-15',
          excludedDays: 0,
          seriousListed: false,
          corruption: false,
          nationalSecurityListed: false,
          offences: ['Trộm cắp tài sản'],
        },
      }),
    );
    expect(reply).toMatchObject({ status: 400, body: { code: 'ERR_VALIDATION' } });
  });

  it('refuses an assessment that brings its own round parameters', async () => {
    const reply = await writesNothing(() =>
      call('amnesty-subcommittee', 'ca-tinh', 'POST', `/dossiers/${DOSSIER_1}/commands/AssessEligibility`, {
        assessedOn: '2024-08-15',
        securityConcern: false,
        newProsecution: false,
        round: { servedTimeCutoff: '2030-01-01' },
        previouslyPardoned: false,
      }),
    );
    expect(reply).toMatchObject({ status: 400, body: { code: 'ERR_VALIDATION' } });
  });

  it('refuses to receive a transfer that was never sent', async () => {
    const caseId = randomUUID();
    const reply = await writesNothing(() =>
      call(
        'commune-police',
        'phuong-le-chan/cong-an',
        'POST',
        `/cases/${caseId}/commands/ReceiveTransferredCase`,
        {
          caseId,
          fromCaseId: anKhanhCaseId(2),
          person: { personId: randomUUID(), fullName: 'Người Giả Định B', birthDate: '1985' },
          receivedOn: '2025-11-03',
        },
      ),
    );
    expect(reply.status).toBe(409);
    expect(reply.body.rule).toBe('case.transfer-not-sent');
  });

  it('refuses a commune adding a task to another commune’s plan', async () => {
    const taskId = randomUUID();
    const reply = await writesNothing(() =>
      call('commune-chair', 'xa-minh-hoa', 'POST', `/tasks/${taskId}/commands/AssignTask`, {
        taskId,
        planId: AN_KHANH_PLAN,
        group: 1,
        leadUnit: 'xa-minh-hoa/cong-an',
        coordinatingUnits: [],
        requestType: 'ASSIGN',
        description: 'Nhiệm vụ chen vào kế hoạch của xã khác',
        dueDate: '2025-12-01',
        assignedOn: '2025-11-03',
      }),
    );
    expect(reply.status).toBe(403);
  });

  it('refuses an overdue marker from any person: only the service’s own sweep records one', async () => {
    const reply = await writesNothing(() =>
      call(
        'commune-police',
        POLICE,
        'POST',
        '/reports/0192f5c4-0005-7000-8000-000000000002/commands/MarkReportOverdue',
        {
          detectedOn: '2025-11-03',
        },
      ),
    );
    expect(reply.status).toBe(403);
  });
});

describe('authority by jurisdiction', () => {
  it('keeps a commune-level admin from moving another commune into another province', async () => {
    const reply = await writesNothing(() =>
      call('admin', 'xa-an-khanh', 'POST', '/org-units/commands/ReparentOrgUnit', {
        code: 'xa-minh-hoa',
        parent: 'tinh-quang-ninh',
        effectiveFrom: '2025-11-03',
      }),
    );
    expect(reply).toMatchObject({ status: 403, body: { code: 'ERR_FORBIDDEN' } });
  });

  it('answers another province’s procuracy about a dossier exactly as about a missing one, whatever asOf says', async () => {
    const foreign = await call(
      'procuracy',
      'tinh-quang-ninh/vks',
      'GET',
      `/dossiers/${DOSSIER_1}/history?asOf=2024-01-01`,
    );
    const missing = await call(
      'procuracy',
      'tinh-quang-ninh/vks',
      'GET',
      `/dossiers/${randomUUID()}/history?asOf=2024-01-01`,
    );
    // Alike but for `instance`, which names each request.
    expect({ ...foreign.body, instance: null }).toEqual({ ...missing.body, instance: null });
    expect(foreign.status).toBe(missing.status);
    expect(foreign.status).toBe(404);
  });

  it('answers the parent of a unit on a date', async () => {
    const reply = await call(
      'commune-police',
      POLICE,
      'GET',
      `/org-units/units/${encodeURIComponent(POLICE)}?on=2025-11-03`,
    );
    expect(reply).toMatchObject({
      status: 200,
      body: { parent: 'xa-an-khanh', ancestors: ['xa-an-khanh', 'tp-hai-phong'] },
    });
  });

  it('refuses a subscription to another province’s dossiers over /ws', async () => {
    const live = await connectLive(server.url);
    await live.auth(await server.token('procuracy', 'tinh-quang-ninh/vks'));
    live.send({ type: 'subscribe', id: 'd', view: 'dossiers' });
    const refused = await live.next((m) => m.type === 'error' || m.type === 'snapshot');
    live.close();
    if (refused.type === 'snapshot') expect(refused).toMatchObject({ items: [] });
    else expect(refused).toMatchObject({ type: 'error' });
  });
});

describe('no request can stop the service', () => {
  it('refuses a date near 9999-12-31 and a huge day count at once, and keeps answering', async () => {
    const visit = await writesNothing(() =>
      call('commune-police', POLICE, 'POST', `/cases/${anKhanhCaseId(1)}/commands/LogVisit`, {
        visitedOn: '9999-12-31',
        place: 'HOME',
        findings: 'Ngày giả',
        concerns: [],
      }),
    );
    expect(visit).toMatchObject({ status: 400, body: { code: 'ERR_VALIDATION' } });
    const recommendation = await writesNothing(() =>
      call('procuracy', 'vks-tinh', 'POST', `/oversight/${randomUUID()}/commands/IssueRecommendation`, {
        recommendationId: randomUUID(),
        kind: 'REQUEST',
        addresseeUnit: 'xa-an-khanh',
        content: 'Trả lời',
        issuedOn: '2025-11-03',
        responseDays: 1_000_000_000,
        dayKind: 'WORKING',
        document: { number: '1/YC', date: '2025-11-03' },
      }),
    );
    expect(recommendation.status).toBe(400);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('answers 400 with the field for a bad date, a bad asOf and a garbage cursor', async () => {
    for (const path of [
      `/cases/${anKhanhCaseId(1)}/history?asOf=yesterday`,
      `/cases/${anKhanhCaseId(1)}/history?asOf=2025-13-01`,
      `/cases/${anKhanhCaseId(1)}/history?asOf=2025-2-3`,
      '/views/case-files?cursor=%00%00garbage',
    ]) {
      const reply = await call('commune-police', POLICE, 'GET', path);
      expect(reply, path).toMatchObject({ status: 400, body: { code: 'ERR_VALIDATION' } });
    }
  });

  it('lets a hundred writers without If-Match log visits on one case at once, all recorded', async () => {
    const replies = await Promise.all(
      Array.from({ length: 100 }, () =>
        call('commune-police', POLICE, 'POST', `/cases/${anKhanhCaseId(3)}/commands/LogVisit`, {
          visitedOn: '2025-11-03',
          place: 'HOME',
          findings: 'Thăm định kỳ',
          concerns: [],
        }),
      ),
    );
    expect(replies.filter((r) => r.status !== 201)).toEqual([]);
    expect(new Set(replies.map((r) => r.body.revision)).size).toBe(100);
  });
});
