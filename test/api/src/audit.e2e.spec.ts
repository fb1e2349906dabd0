import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leafHash, verifyConsistency, verifyInclusion, verifyTreeHead, type TreeHead } from '@dacxa/audit';
import { seedDemo } from '@dacxa/api';
import { anKhanhCaseId } from '@dacxa/domain/scenarios';
import { connectLive } from './liveClient.js';
import { startServer } from './startServer.js';

let server: Awaited<ReturnType<typeof startServer>>;
const POLICE = 'xa-an-khanh/cong-an';
const hex = (h: string) => Buffer.from(h, 'hex');

beforeAll(async () => {
  server = await startServer(() => new Date('2025-11-03T02:00:00Z'));
  await seedDemo(server.store, server.stores.sealer);
});
afterAll(() => server.stop());

async function get<T>(path: string, role?: string, unit?: string): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = role
    ? { authorization: `Bearer ${await server.token(role, unit ?? '')}` }
    : {};
  const response = await fetch(`${server.url}${path}`, { headers });
  return { status: response.status, body: (await response.json()) as T };
}

/** Signs a head over everything recorded so far, once the ledger has read it all. */
async function signedHead(): Promise<TreeHead> {
  let count = 0;
  for await (const event of server.store.readAll()) if (event) count++;
  await server.ledger.waitForSize(count);
  const head = (await server.ledger.signNow()) ?? server.ledger.latestHead();
  if (!head) throw new Error('no head');
  return head;
}

describe('the ledger over HTTP', () => {
  it('publishes its public key and signed tree heads that anyone can check', async () => {
    const head = await signedHead();
    const { body: key } = await get<{ keyId: string; publicKeyPem: string }>('/audit/public-key');
    const { body } = await get<{ treeHeads: TreeHead[] }>('/audit/tree-heads');
    expect(body.treeHeads[0]).toEqual(head);
    expect(body.treeHeads.every((h) => verifyTreeHead(h, key.publicKeyPem))).toBe(true);
    expect(key.keyId).toBe(head.keyId);
  });

  it('proves an event is in the signed tree, and every earlier head consistent with the latest', async () => {
    let event = null;
    for await (const e of server.store.readStream(`case-${anKhanhCaseId(2)}`)) event = e;
    if (!event) throw new Error('no event');
    const head = await signedHead();
    const { body: proof } = await get<{
      leafIndex: number;
      treeSize: number;
      proof: string[];
      treeHead: TreeHead;
    }>(`/audit/proofs/inclusion?position=${event.position}`, 'auditor', 'tp-ha-noi');
    expect(proof.treeHead).toEqual(head);
    const leaf = leafHash(hex(event.hash));
    expect(
      verifyInclusion(proof.leafIndex, proof.treeSize, leaf, proof.proof.map(hex), hex(head.rootHash)),
    ).toBe(true);
    const { body: heads } = await get<{ treeHeads: TreeHead[] }>('/audit/tree-heads?limit=1000');
    const first = heads.treeHeads.at(-1) as TreeHead;
    const { body: consistency } = await get<{ proof: string[] }>(
      `/audit/proofs/consistency?from=${first.treeSize}&to=${head.treeSize}`,
      'auditor',
      'tp-ha-noi',
    );
    expect(
      verifyConsistency(
        first.treeSize,
        head.treeSize,
        hex(first.rootHash),
        hex(head.rootHash),
        consistency.proof.map(hex),
      ),
    ).toBe(true);
    expect((await get('/audit/proofs/inclusion?position=1')).status).toBe(401);
  });

  it('records every read of a case’s history, and shows the procuracy who read what in its area', async () => {
    expect((await get(`/cases/${anKhanhCaseId(1)}/history`, 'commune-police', POLICE)).status).toBe(200);
    const { status, body } = await get<{ entries: Array<Record<string, string>> }>(
      '/audit/access-log?unit=xa-an-khanh',
      'procuracy',
      'tp-ha-noi',
    );
    expect(status).toBe(200);
    expect(body.entries[0]).toMatchObject({
      actor: 'test-commune-police',
      role: 'commune-police',
      unit: POLICE,
      kind: 'history',
      target: `case-${anKhanhCaseId(1)}`,
      purpose: 'case-management',
    });
    await get('/views/case-files', 'auditor', 'tp-ha-noi');
    const { body: later } = await get<{ entries: Array<Record<string, string>> }>(
      '/audit/access-log?unit=tp-ha-noi',
      'fatherland-front',
      'tp-ha-noi',
    );
    expect(later.entries[0]).toMatchObject({ role: 'auditor', kind: 'view', target: 'views/case-files' });
    const live = await connectLive(server.url);
    await live.auth(await server.token('village-head', 'xa-an-khanh/thon'));
    live.send({ type: 'subscribe', id: 'ds', view: 'case-files' });
    await live.next((m) => m.type === 'snapshot');
    live.close();
    const { body: watched } = await get<{ entries: Array<Record<string, string>> }>(
      '/audit/access-log?unit=xa-an-khanh',
      'procuracy',
      'tp-ha-noi',
    );
    expect(watched.entries[0]).toMatchObject({ role: 'village-head', kind: 'view', target: 'ws/case-files' });
    expect((await get('/audit/access-log?unit=xa-an-khanh', 'commune-police', POLICE)).status).toBe(403);
    expect((await get('/audit/access-log?unit=phuong-le-chan', 'procuracy', 'tp-ha-noi')).status).toBe(403);
  });
});
