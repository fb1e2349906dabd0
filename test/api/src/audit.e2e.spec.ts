import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leafHash, verifyConsistency, verifyInclusion, verifyTreeHead, type TreeHead } from '@dacxa/audit';
import { seedDemo } from '@dacxa/api';
import { chainHash } from '@dacxa/event-store';
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
  await server.ledger.caughtUp();
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
    }>(`/audit/proofs/inclusion?position=${event.position}`, 'auditor', 'tp-hai-phong');
    expect(proof.treeHead).toEqual(head);
    const leaf = leafHash(hex(event.hash));
    expect(
      verifyInclusion(proof.leafIndex, proof.treeSize, leaf, proof.proof.map(hex), hex(head.rootHash)),
    ).toBe(true);
    const { body: heads } = await get<{ treeHeads: TreeHead[] }>('/audit/tree-heads?limit=1000');
    const first = heads.treeHeads.at(-1) as TreeHead;
    const { body: consistency } = await get<{ proof: string[] }>(
      `/audit/proofs/consistency?from=${first.treeSize}&fromRoot=${first.rootHash}&to=${head.treeSize}`,
      'auditor',
      'tp-hai-phong',
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

  it('proves consistency from the head the auditor saved, not one the server picks, and says when it fails', async () => {
    const head = await signedHead();
    const { body: heads } = await get<{ treeHeads: TreeHead[] }>('/audit/tree-heads?limit=1000');
    const saved = heads.treeHeads.at(-1) as TreeHead;
    const { body: key } = await get<{ publicKeyPem: string }>('/audit/public-key');
    const { status, body } = await get<{
      from: { treeSize: number; rootHash: string };
      to: TreeHead;
      proof: string[];
      consistent: boolean;
    }>(
      `/audit/proofs/consistency?from=${saved.treeSize}&fromRoot=${saved.rootHash}`,
      'procuracy',
      'tp-hai-phong',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      from: { treeSize: saved.treeSize, rootHash: saved.rootHash },
      to: head,
      consistent: true,
    });
    expect(verifyTreeHead(body.to, key.publicKeyPem)).toBe(true);
    expect(
      verifyConsistency(
        saved.treeSize,
        body.to.treeSize,
        hex(saved.rootHash),
        hex(body.to.rootHash),
        body.proof.map(hex),
      ),
    ).toBe(true);
    const other = await get<{ code: string }>(
      `/audit/proofs/consistency?from=${saved.treeSize}&fromRoot=${'ab'.repeat(32)}`,
      'procuracy',
      'tp-hai-phong',
    );
    expect(other).toMatchObject({ status: 409, body: { code: 'ERR_INCONSISTENT_HISTORY' } });
    expect(
      (await get(`/audit/proofs/consistency?from=${saved.treeSize}`, 'procuracy', 'tp-hai-phong')).status,
    ).toBe(400);
    const unsigned = await get(
      `/audit/proofs/consistency?from=${saved.treeSize}&fromRoot=${saved.rootHash}&to=${head.treeSize - 1}`,
      'procuracy',
      'tp-hai-phong',
    );
    expect(unsigned.status).toBe(404);
  });

  it('cuts an export at a head covering the log when asked, signing one when none does', async () => {
    await signedHead();
    // A read recorded after the last head: far fewer new events than the ledger signs by itself (50).
    expect((await get(`/cases/${anKhanhCaseId(3)}/history`, 'commune-police', POLICE)).status).toBe(200);
    const position = await server.store.headPosition();
    const response = await fetch(`${server.url}/audit/export?unit=xa-an-khanh&category=access`, {
      headers: { authorization: `Bearer ${await server.token('auditor', 'tp-hai-phong')}` },
    });
    const head = JSON.parse(
      Buffer.from(response.headers.get('dacxa-tree-head') ?? '', 'base64').toString(),
    ) as TreeHead;
    expect(head.treeSize).toBeGreaterThanOrEqual(Number(position));
    const positions = (await response.text())
      .trim()
      .split('\n')
      .map(
        (line) =>
          (JSON.parse(`${line.slice(0, line.indexOf(',"envelope":'))}}`) as { position: string }).position,
      );
    expect(positions).toContain(String(position));
  });

  it('records every read of a case’s history, and shows the procuracy who read what in its area', async () => {
    expect((await get(`/cases/${anKhanhCaseId(1)}/history`, 'commune-police', POLICE)).status).toBe(200);
    const { status, body } = await get<{ entries: Array<Record<string, string>> }>(
      '/audit/access-log?unit=xa-an-khanh',
      'procuracy',
      'tp-hai-phong',
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
    await get('/views/case-files', 'auditor', 'tp-hai-phong');
    const { body: later } = await get<{ entries: Array<Record<string, string>> }>(
      '/audit/access-log?unit=tp-hai-phong',
      'fatherland-front',
      'tp-hai-phong',
    );
    expect(later.entries[0]).toMatchObject({ role: 'auditor', kind: 'view', target: 'views/case-files' });
    const live = await connectLive(server.url);
    await live.auth(await server.token('village-head', 'xa-an-khanh/thon-2'));
    live.send({ type: 'subscribe', id: 'ds', view: 'case-files' });
    await live.next((m) => m.type === 'snapshot');
    live.close();
    const { body: watched } = await get<{ entries: Array<Record<string, string>> }>(
      '/audit/access-log?unit=xa-an-khanh',
      'procuracy',
      'tp-hai-phong',
    );
    expect(watched.entries[0]).toMatchObject({ role: 'village-head', kind: 'view', target: 'ws/case-files' });
    expect((await get('/audit/access-log?unit=xa-an-khanh', 'commune-police', POLICE)).status).toBe(403);
    expect((await get('/audit/access-log?unit=xa-thi-diem', 'procuracy', 'tp-hai-phong')).status).toBe(403);
  });

  it('streams an area’s events to the auditor as bundle lines that verify, and as a CSV for Excel', async () => {
    const before = await signedHead();
    const token = await server.token('auditor', 'tp-hai-phong');
    const response = await fetch(`${server.url}/audit/export?unit=xa-an-khanh&category=case`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    // The export is itself recorded first, so it is cut at a head signed for it, covering that read.
    const head = JSON.parse(
      Buffer.from(response.headers.get('dacxa-tree-head') ?? '', 'base64').toString(),
    ) as TreeHead;
    const { body: key } = await get<{ publicKeyPem: string }>('/audit/public-key');
    expect(verifyTreeHead(head, key.publicKeyPem)).toBe(true);
    expect(head.treeSize).toBeGreaterThan(before.treeSize);
    const lines = (await response.text()).trim().split('\n');
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) {
      const tail = line.indexOf(',"envelope":');
      const { prevHash, hash } = JSON.parse(`${line.slice(0, tail)}}`) as { prevHash: string; hash: string };
      const envelope = line.slice(tail + ',"envelope":'.length, -1);
      expect(chainHash(prevHash, envelope)).toBe(hash);
      const parsed = JSON.parse(envelope) as { stream: string; metadata: { unit: string } };
      expect(parsed.stream.startsWith('case-')).toBe(true);
      expect(parsed.metadata.unit.split('/')[0]).toBe('xa-an-khanh');
    }
    const first = JSON.parse(`${(lines[0] ?? '').slice(0, (lines[0] ?? '').indexOf(',"envelope":'))}}`) as {
      position: string;
      leafIndex: number;
      hash: string;
    };
    const { body: proof } = await get<{ proof: string[] }>(
      `/audit/proofs/inclusion?position=${first.position}&treeSize=${head.treeSize}`,
      'auditor',
      'tp-hai-phong',
    );
    expect(
      verifyInclusion(
        first.leafIndex,
        head.treeSize,
        leafHash(hex(first.hash)),
        proof.proof.map(hex),
        hex(head.rootHash),
      ),
    ).toBe(true);
    const csv = await fetch(`${server.url}/audit/export?unit=xa-an-khanh&format=csv&type=VisitLogged`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const bytes = Buffer.from(await csv.arrayBuffer());
    // The byte-order mark Excel needs to read Vietnamese as UTF-8 (fetch's text() would drop it).
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('Vị trí,Luồng,')).toBe(true);
    expect(text).toContain(',VisitLogged,');
    const refused = await fetch(`${server.url}/audit/export`, {
      headers: { authorization: `Bearer ${await server.token('commune-police', POLICE)}` },
    });
    expect(refused.status).toBe(403);
    const { body: log } = await get<{ entries: Array<Record<string, string>> }>(
      '/audit/access-log?unit=xa-an-khanh',
      'procuracy',
      'tp-hai-phong',
    );
    expect(log.entries[0]).toMatchObject({ role: 'auditor', kind: 'export' });
  });
});
