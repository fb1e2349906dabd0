import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApp } from './testing/seededApp.js';

let fixture: Awaited<ReturnType<typeof seededApp>>;
beforeAll(async () => {
  fixture = await seededApp();
}, 60_000);
afterAll(() => fixture.close());

// The docs pages and the WebSocket are described elsewhere (docs/live-views.md); the rest is listed.
const UNLISTED = new Set(['/docs', '/docs/openapi.json', '/docs/errors', '/ws']);

describe('the OpenAPI document', () => {
  it('lists every route the service answers, with its method', async () => {
    const document = (await fixture.app.inject({ url: '/docs/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const missing = fixture.app.routeList
      .filter((r) => !UNLISTED.has(r.url) && r.method !== 'HEAD')
      .filter((r) => {
        const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
        return !document.paths[path]?.[r.method.toLowerCase()];
      })
      .map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });
});
