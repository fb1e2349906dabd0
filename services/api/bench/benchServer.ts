// A server for the API benchmark, in its own process so that the load generator does not share
// its CPU: `hello` is fastify's hello world plus a bare `ws` broadcast; `dacxa` is the service on
// the embedded default (durable commits: SQLite synchronous=FULL) with its projections in-process.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { pino } from 'pino';
import { WebSocketServer } from 'ws';
import { generateMasterKey } from '@dacxa/protection';
import { loadConfig, openLedger, openStores, openViews } from '@dacxa/runtime';
import { createGrantIndex, createOrgTree } from '@dacxa/commands';
import { buildApp, issueDevToken, seedUnits } from '../src/index.js';

const mode = process.argv[2];
const ready = (info: Record<string, string>) => process.stdout.write(`${JSON.stringify(info)}\n`);

if (mode === 'hello') {
  const app = Fastify();
  app.get('/hello', async () => ({ hello: 'world' }));
  const sockets = new WebSocketServer({ server: app.server });
  app.post('/broadcast', async () => {
    const text = JSON.stringify({ type: 'change', position: '1', key: 'k', document: { hello: 'world' } });
    for (const client of sockets.clients) client.send(text);
    return { sent: sockets.clients.size };
  });
  ready({ url: await app.listen({ host: '127.0.0.1', port: 0 }) });
} else {
  const dir = mkdtempSync(join(tmpdir(), 'dacxa-api-bench-'));
  const logger = pino({ level: 'silent' });
  const config = loadConfig({ DACXA_DATA_DIR: dir, DACXA_MASTER_KEY: `k1:${generateMasterKey()}` });
  const stores = await openStores(config, logger, {
    // BENCH_INLINE_WRITES=1 commits on the request thread, as before the writer threads: a comparison.
    writerThreads: process.env.BENCH_INLINE_WRITES !== '1',
  });
  const views = openViews(config, stores, logger);
  views.start();
  // As `dacxa serve` runs: the ledger follows the log and signs every 1,000 events.
  const { ledger, signer } = openLedger(config, stores, logger, 'signs');
  ledger.start();
  // Tokens must name a unit of the organisation tree: the demo's units, recorded as the demo records them.
  await seedUnits({
    store: stores.store,
    sealer: stores.sealer,
    tree: createOrgTree(stores.store),
    grants: createGrantIndex(stores.store),
  });
  const secret = randomBytes(32);
  const app = buildApp({
    store: stores.store,
    sealer: stores.sealer,
    tokenKey: secret,
    logger,
    views: { engine: views, documents: stores.documents, keys: stores.keys },
    live: { maxBufferedBytes: 4 * 1024 * 1024 },
    audit: { ledger, publicKeyPem: signer.publicKeyPem, keyId: signer.keyId },
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const token = await issueDevToken(secret, {
    actor: 'bench',
    role: 'commune-police',
    unit: 'xa-an-khanh/cong-an',
  });
  // The fan-out watches a commune of its own, so each client's snapshot stays small.
  const fanoutToken = await issueDevToken(secret, {
    actor: 'bench-fanout',
    role: 'commune-police',
    unit: 'xa-minh-hoa/cong-an',
  });
  process.once('SIGTERM', () => {
    void app
      .close()
      .then(() => ledger.stop())
      .then(() => views.stop())
      .then(() => stores.close())
      .then(() => rmSync(dir, { recursive: true, force: true }))
      .then(() => process.exit(0));
  });
  ready({ url, token, fanoutToken });
}
