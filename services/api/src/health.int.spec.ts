import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inMemoryApp } from './testing/inMemoryApp.js';
import { seededApp } from './testing/seededApp.js';

let seeded: Awaited<ReturnType<typeof seededApp>>;
beforeAll(async () => {
  seeded = await seededApp();
}, 60_000);
afterAll(() => seeded.close());

describe('liveness and readiness', () => {
  it('is live and ready once the views and the ledger have caught up with the log', async () => {
    expect((await seeded.app.inject({ url: '/health/live' })).json()).toEqual({ status: 'live' });
    const ready = await seeded.app.inject({ url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ ready: true, problems: [] });
    const health = (await seeded.app.inject({ url: '/health' })).json<{ ready: boolean; ledger: unknown }>();
    expect(health).toMatchObject({
      status: 'ok',
      ready: true,
      ledger: { treeSize: expect.any(Number) as number },
    });
  });

  it('stays live but answers 503 "not ready", naming why, when its event store does not answer', async () => {
    const { app, store } = await inMemoryApp();
    await store.close();
    expect((await app.inject({ url: '/health/live' })).statusCode).toBe(200);
    const ready = await app.inject({ url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json<{ problems: string[] }>().problems[0]).toMatch(/^event store:/);
    await app.close();
  });
});

describe('problems', () => {
  it('name their type in the error registry, which the service serves, and their own instance', async () => {
    const reply = await seeded.app.inject({ url: '/cases/0192f5c4-ffff-7000-8000-000000000000/history' });
    expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reply.json()).toMatchObject({
      type: '/docs/errors#err_unauthenticated',
      status: 401,
      code: 'ERR_UNAUTHENTICATED',
      instance: expect.stringMatching(/^urn:uuid:[0-9a-f-]{36}$/) as string,
    });
    const doc = await seeded.app.inject({ url: '/docs/errors' });
    expect(doc.body).toContain('<a id="err_unauthenticated"></a>`ERR_UNAUTHENTICATED` | 401');
  });
});
