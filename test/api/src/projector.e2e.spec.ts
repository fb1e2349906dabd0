import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectLive } from './liveClient.js';
import { spawnService } from './spawnService.js';

// The deployment's split, on the embedded files: the api follows views that services/projector
// builds in its own process (DACXA_PROJECTIONS=external), as two api instances do beside one
// projector on EventStoreDB and MongoDB.
const dataDir = mkdtempSync(join(tmpdir(), 'dacxa-split-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const env = { DACXA_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info', DACXA_PROJECTIONS: 'external' };

describe('api and projector as separate processes', () => {
  it('serves views the projector builds, read-your-writes and live, and both stop cleanly', async () => {
    const api = spawnService('services/cli/src/main.ts', ['serve'], env);
    const [, url] = await api.printed(/đang chạy tại (http:\/\/127\.0\.0\.1:\d+)/);
    const [, token] = await api.printed(/commune-police \(xa-an-khanh\/cong-an\): (\S+)/);
    const projector = spawnService('services/projector/src/main.ts', [], env);
    const [, port] = await projector.printed(/"port":(\d+),.*"msg":"projector running"/);

    // Until the projector's first build lands, views answer ERR_VIEW_NOT_READY (503).
    for (let ready = false; !ready; await new Promise((r) => setTimeout(r, 100))) {
      const health = await fetch(`${url}/health`);
      const { views } = (await health.json()) as { views: Array<{ status: string; lag: string }> };
      ready = views.length > 0 && views.every((v) => v.status === 'running' && v.lag === '0');
    }
    const notReadyEarlier = api.output().includes('ERR_VIEW_NOT_READY');
    expect(notReadyEarlier).toBe(false);
    const live = await connectLive(url ?? '');
    await live.auth(token ?? '');
    live.send({ type: 'subscribe', id: 'hs', view: 'case-files' });
    const snapshot = await live.next((m) => m.type === 'snapshot' || m.type === 'error', 0, 20_000);
    expect(snapshot, api.output().slice(-3000)).toMatchObject({ type: 'snapshot' });
    expect(snapshot.items?.length).toBeGreaterThanOrEqual(30);

    const caseId = randomUUID();
    const written = await fetch(`${url}/cases/${caseId}/commands/ReceiveReleaseNotice`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        caseId,
        person: { personId: randomUUID(), fullName: 'Người Giả Định Tách Tiến Trình', birthDate: '1993' },
        source: 'AMNESTY',
        communeCode: 'xa-an-khanh',
        releaseDate: '2025-12-01',
        reportBy: '2025-12-11',
        receivedOn: '2025-11-25',
        notice: { number: '500/TB-TG', date: '2025-11-24' },
      }),
    });
    const { position } = (await written.json()) as { position: string };
    const board = await fetch(`${url}/views/case-files?status=expected&limit=200&minPosition=${position}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(board.status).toBe(200);
    const { items } = (await board.json()) as { items: Array<{ caseId: string }> };
    expect(items.map((i) => i.caseId)).toContain(caseId);
    const change = await live.next((m) => m.type === 'change' && m.key === caseId);
    expect(change.position).toBe(position);

    const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as {
      status: string;
      views: Array<{ name: string; lag: string }>;
    };
    expect(health.status).toBe('ok');
    expect(health.views.map((v) => v.name)).toContain('case-files');
    live.close();
    api.child.kill('SIGTERM');
    projector.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    expect(await projector.exited).toBe(0);
    expect(projector.output()).toContain('projector stopped');
  });
});
