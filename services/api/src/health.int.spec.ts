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
    expect(health).toMatchObject({ status: 'ok', ready: true, ledger: { treeSize: expect.any(Number) } });
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
