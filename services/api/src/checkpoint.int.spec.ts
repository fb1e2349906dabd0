import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNote, parseCheckpointText, parseVerifierKey } from '@dacxa/audit';
import { seededApp } from './testing/seededApp.js';

let fixture: Awaited<ReturnType<typeof seededApp>>;
beforeAll(async () => {
  fixture = await seededApp();
}, 60_000);
afterAll(() => fixture.close());

describe('GET /checkpoint', () => {
  it('serves the latest signed head as a C2SP checkpoint that the log’s published vkey verifies', async () => {
    const key = (await fixture.app.inject({ method: 'GET', url: '/audit/public-key' })).json<{
      vkey: string;
      origin: string;
    }>();
    const reply = await fixture.app.inject({ method: 'GET', url: '/checkpoint' });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/plain/);
    expect(reply.headers['cache-control']).toBe('no-store');
    const { text } = openNote(reply.body, [parseVerifierKey(key.vkey)]);
    const checkpoint = parseCheckpointText(text);
    const { ledger } = fixture;
    expect(checkpoint).toMatchObject({ origin: key.origin, size: ledger.size });
    expect(Buffer.from(checkpoint.rootHash).toString('hex')).toBe(ledger.root(ledger.size));
    expect(() => openNote(reply.body.replace(/\n\d+\n/, '\n1\n'), [parseVerifierKey(key.vkey)])).toThrow();
  });
});

describe('/health', () => {
  it('shows where the published checkpoint stands against the tree', async () => {
    const health = (await fixture.app.inject({ method: 'GET', url: '/health' })).json<{
      status: string;
      checkpoints: { status: string; publishedSize: number; witnesses: unknown[] };
    }>();
    expect(health.status).toBe('ok');
    expect(health.checkpoints).toMatchObject({ status: 'ok', witnesses: [] });
    expect(health.checkpoints.publishedSize).toBeGreaterThan(0);
  });
});
