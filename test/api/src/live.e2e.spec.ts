import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_CLOSE_CODES, seedDemo } from '@dacxa/api';
import { connectLive } from './liveClient.js';
import { startServer } from './startServer.js';

const COMMUNE = 'xa-an-khanh';
const POLICE = `${COMMUNE}/cong-an`;
let server: Awaited<ReturnType<typeof startServer>>;
let police: string;

beforeAll(async () => {
  server = await startServer(() => new Date('2025-10-20T02:00:00Z'), {
    live: { heartbeatMs: 100, authTimeoutMs: 300, maxBufferedBytes: 64 * 1024 },
  });
  await seedDemo(server.store, server.stores.sealer);
  police = await server.token('commune-police', POLICE);
});
afterAll(() => server.stop());

/** A new invented person's release notice at An Khánh; returns the write's position. */
async function receive(caseId = randomUUID()): Promise<{ caseId: string; position: string }> {
  const response = await fetch(`${server.url}/cases/${caseId}/commands/ReceiveReleaseNotice`, {
    method: 'POST',
    headers: { authorization: `Bearer ${police}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      caseId,
      person: { personId: randomUUID(), fullName: 'Người Giả Định Trực Tiếp', birthDate: '1991' },
      source: 'AMNESTY',
      communeCode: COMMUNE,
      releaseDate: '2025-10-25',
      reportBy: '2025-11-04',
      receivedOn: '2025-10-20',
      notice: { number: '400/TB-TG', date: '2025-10-19' },
    }),
  });
  expect(response.status).toBe(201);
  return { caseId, position: ((await response.json()) as { position: string }).position };
}

async function verifyResidence(caseId: string): Promise<string> {
  const response = await fetch(`${server.url}/cases/${caseId}/commands/VerifyResidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${police}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      address: { communeCode: COMMUNE, village: 'Thôn 2' },
      verifiedOn: '2025-10-20',
      familyContacted: true,
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { position: string }).position;
}

describe('live views over WebSocket (/ws)', () => {
  it('closes with 4401 a socket that sends a bad token, or none in time, and never puts a token in the URL', async () => {
    const forged = await connectLive(server.url);
    forged.send({ type: 'auth', token: 'eyJhbGciOiJIUzI1NiJ9.e30.forged' });
    expect((await forged.closing).code).toBe(LIVE_CLOSE_CODES.unauthenticated);
    const silent = await connectLive(server.url);
    expect((await silent.closing).code).toBe(LIVE_CLOSE_CODES.unauthenticated);
    const early = await connectLive(server.url);
    early.send({ type: 'subscribe', id: 's', view: 'case-files' });
    expect((await early.closing).code).toBe(LIVE_CLOSE_CODES.unauthenticated);
  });

  it('takes a subscribe sent right behind the auth message, without waiting for the reply', async () => {
    const eager = await connectLive(server.url);
    eager.send({ type: 'auth', token: police });
    eager.send({ type: 'subscribe', id: 'now', view: 'tasks' });
    expect(await eager.next((m) => m.type === 'snapshot')).toMatchObject({ id: 'now' });
    eager.close();
  });

  it('sends a snapshot with its position, then each change in order, opened for each role', async () => {
    const board = await connectLive(server.url);
    expect(await board.auth(police)).toMatchObject({ role: 'commune-police', unit: POLICE });
    board.send({ type: 'subscribe', id: 'hs', view: 'case-files' });
    const snapshot = await board.next((m) => m.type === 'snapshot');
    expect(snapshot.items?.length).toBeGreaterThanOrEqual(30);
    expect(snapshot.items?.every((i) => i.document.communeCode === COMMUNE)).toBe(true);
    const auditor = await connectLive(server.url);
    await auditor.auth(await server.token('auditor', 'tp-hai-phong'));
    auditor.send({ type: 'subscribe', id: 'kt', view: 'case-files', unit: COMMUNE });
    await auditor.next((m) => m.type === 'snapshot');

    const { caseId, position } = await receive();
    const change = await board.next((m) => m.type === 'change' && m.key === caseId);
    expect(change).toMatchObject({ id: 'hs', position, document: { status: 'expected' } });
    expect(change.document?.person).toMatchObject({ fullName: 'Người Giả Định Trực Tiếp' });
    const seenByAuditor = await auditor.next((m) => m.type === 'change' && m.key === caseId);
    expect(seenByAuditor.document?.person).toMatchObject({ fullName: '[ẩn]' });
    expect(BigInt(position)).toBeGreaterThan(BigInt(snapshot.position ?? '0'));
    board.close();
    auditor.close();
  });

  it('resumes after a reconnect with what changed meanwhile, once each, then goes on live', async () => {
    const first = await connectLive(server.url);
    await first.auth(police);
    first.send({ type: 'subscribe', id: 'a', view: 'case-files' });
    const { position: last } = await first.next((m) => m.type === 'snapshot');
    first.close();
    await first.closing;

    const a = await receive();
    await verifyResidence(a.caseId);
    const b = await receive();
    const second = await connectLive(server.url);
    await second.auth(police);
    second.send({ type: 'subscribe', id: 'a', view: 'case-files', after: last });
    const resumed = await second.next((m) => m.type === 'resumed');
    expect(resumed.items?.map((i) => i.key)).toEqual([a.caseId, b.caseId]);
    expect(resumed.items?.[0]?.document).toMatchObject({ residence: 'VERIFIED' });
    const c = await receive();
    await second.next((m) => m.type === 'change' && m.key === c.caseId);
    const keys = second.messages.filter((m) => m.type === 'change').map((m) => m.key);
    expect(keys).toEqual([c.caseId]);
    second.close();
  });

  it('stops sending a view’s changes once the client unsubscribes', async () => {
    const client = await connectLive(server.url);
    await client.auth(police);
    client.send({ type: 'subscribe', id: 'hs', view: 'case-files' });
    await client.next((m) => m.type === 'snapshot');
    const first = await receive();
    await client.next((m) => m.type === 'change' && m.key === first.caseId);
    client.send({ type: 'unsubscribe', id: 'hs' });
    client.send({ type: 'subscribe', id: 'tasks', view: 'tasks' });
    await client.next((m) => m.type === 'snapshot' && m.id === 'tasks');
    const second = await receive();
    // A later change in the same view proves the socket is live; none may arrive for `hs`.
    const probe = await connectLive(server.url);
    await probe.auth(police);
    probe.send({ type: 'subscribe', id: 'p', view: 'case-files' });
    await probe.next((m) => m.type === 'snapshot');
    await verifyResidence(second.caseId);
    await probe.next((m) => m.type === 'change' && m.key === second.caseId);
    expect(client.messages.filter((m) => m.type === 'change' && m.key === second.caseId)).toEqual([]);
    client.close();
    probe.close();
  });

  it('refuses a subscription outside the caller’s unit, says why, and sends it nothing', async () => {
    const client = await connectLive(server.url);
    await client.auth(police);
    client.send({ type: 'subscribe', id: 'lc', view: 'case-files', unit: 'phuong-le-chan' });
    expect(await client.next((m) => m.type === 'error')).toMatchObject({ id: 'lc', code: 'ERR_FORBIDDEN' });
    client.send({ type: 'subscribe', id: 'ds', view: 'dossiers' });
    expect(await client.next((m) => m.type === 'error' && m.id === 'ds')).toMatchObject({
      code: 'ERR_FORBIDDEN',
    });
    expect(server.logLines.some((l) => l.includes('live view refused'))).toBe(true);
    client.close();
  });

  it('drops a peer that stops answering heartbeats, and keeps one that answers', async () => {
    const dead = await connectLive(server.url, { autoPong: false });
    const alive = await connectLive(server.url);
    await dead.auth(police);
    await alive.auth(police);
    expect((await dead.closing).code).toBe(1006);
    await new Promise((r) => setTimeout(r, 300));
    expect(alive.socket.readyState).toBe(alive.socket.OPEN);
    alive.close();
  });
});

describe('a live-view session and its token', () => {
  it('closes the socket with 4401 when the token expires', async () => {
    const client = await connectLive(server.url);
    const ready = await client.auth(await server.token('commune-police', POLICE, '2s'));
    expect(Date.parse(ready.expiresAt ?? '')).toBeGreaterThan(Date.now() - 1_000);
    const started = Date.now();
    expect(await client.closing).toMatchObject({
      code: LIVE_CLOSE_CODES.unauthenticated,
      reason: 'token expired',
    });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('stays open past the first token when the client renews it, and serves subscriptions after', async () => {
    const client = await connectLive(server.url);
    await client.auth(await server.token('commune-police', POLICE, '2s'));
    const renewed = await client.auth(await server.token('commune-police', POLICE, '1h'));
    expect(Date.parse(renewed.expiresAt ?? '')).toBeGreaterThan(Date.now() + 30 * 60_000);
    await new Promise((r) => setTimeout(r, 2_500));
    const from = client.messages.length;
    client.send({ type: 'subscribe', id: 'later', view: 'tasks' });
    expect(await client.next((m) => m.type === 'snapshot', from)).toMatchObject({ id: 'later' });
    client.close();
  });

  it('refuses a renewal with a token for someone else, and closes with 4401', async () => {
    const client = await connectLive(server.url);
    await client.auth(police);
    client.send({ type: 'auth', token: await server.token('commune-police', POLICE, '1h', 'someone-else') });
    expect(await client.closing).toMatchObject({
      code: LIVE_CLOSE_CODES.unauthenticated,
      reason: 'another identity',
    });
  });

  it('answers an upgrade to a path without WebSocket over HTTP, then closes the socket', async () => {
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    let reply = '';
    socket.on('data', (chunk: Buffer) => (reply += chunk.toString('latin1')));
    socket.write(
      'GET /no-such-socket HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    await new Promise((resolve) => socket.once('close', resolve));
    expect(reply).toMatch(/^HTTP\/1\.1 404/);
  });

  it('records a flood of subscriptions to one view as one read in the access log', async () => {
    const actor = `flood-${randomUUID()}`;
    const client = await connectLive(server.url);
    await client.auth(await server.token('commune-police', POLICE, '1h', actor));
    client.send({ type: 'subscribe', id: 's0', view: 'case-files' });
    const { position } = await client.next((m) => m.type === 'snapshot');
    // Resumed from where the view stands: small replies, so the flood cannot trip the 64 KiB limit.
    for (let i = 1; i < 50; i++)
      client.send({ type: 'subscribe', id: `s${i}`, view: 'case-files', after: position });
    await client.next((m) => m.type === 'resumed' && m.id === 's49', 0, 20_000);
    client.close();
    const response = await fetchWhileShedding(`${server.url}/audit/access-log?unit=${COMMUNE}&limit=1000`, {
      headers: { authorization: `Bearer ${await server.token('procuracy', 'tp-hai-phong')}` },
    });
    expect(response.status).toBe(200);
    const { entries } = (await response.json()) as { entries: Array<Record<string, string>> };
    const reads = entries.filter((e) => e.actor === actor);
    expect(reads[0]).toMatchObject({ kind: 'view', target: 'ws/case-files' });
    // One event, however many times an area's listing shows it.
    expect(new Set(reads.map((e) => e.position)).size).toBe(1);
  });
});

/** A request retried while the service sheds load (503 ERR_OVERLOADED with Retry-After), as a client should. */
async function fetchWhileShedding(url: string, init: RequestInit): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url, init);
    if (response.status !== 503 || attempt >= 20) return response;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Connects and signs in, retrying while the service sheds load (503 with Retry-After, or a dropped upgrade). */
async function connectWhileShedding(url: string, token: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      const client = await connectLive(url);
      await client.auth(token);
      return client;
    } catch (error) {
      if (attempt >= 20 || !/503|closed 1006/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

describe('a live-view client that cannot keep up, and a service that shuts down', () => {
  it('closes a client that cannot keep up with 4008 instead of buffering without bound', async () => {
    // Its own service, heartbeats slowed: a paused reader answers no pings either.
    const slowServer = await startServer(() => new Date('2025-10-20T02:00:00Z'), {
      live: { heartbeatMs: 60_000, maxBufferedBytes: 64 * 1024 },
    });
    await seedDemo(slowServer.store, slowServer.stores.sealer);
    const slow = await connectLive(slowServer.url);
    await slow.auth(await slowServer.token('commune-police', POLICE));
    // Stop reading: the service's buffer for this client grows with every snapshot it sends.
    (slow.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    for (let i = 0; i < 400; i++) slow.send({ type: 'subscribe', id: `s${i}`, view: 'case-files' });
    await new Promise((r) => setTimeout(r, 1_000));
    (slow.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await slow.closing).toMatchObject({ code: LIVE_CLOSE_CODES.tooSlow, reason: 'client too slow' });
    expect(slowServer.logLines.some((l) => l.includes('too slow'))).toBe(true);
    // The flood may have held the loop past the shedding threshold: a client retries as told.
    const watching = await connectWhileShedding(
      slowServer.url,
      await slowServer.token('commune-police', POLICE),
    );
    await slowServer.stop();
    expect(await watching.closing).toMatchObject({ code: 1001, reason: 'server shutting down' });
  });
});
