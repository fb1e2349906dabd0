import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { buildApp, issueDevToken, seedUnits, type AppOptions, type TokenKey } from '@dacxa/api';
import { createGrantIndex, createOrgTree } from '@dacxa/commands';
import type { Role } from '@dacxa/domain';
import { generateMasterKey } from '@dacxa/protection';
import { auditServed, loadConfig, openCosigner, openLedger, openStores, openViews } from '@dacxa/runtime';

export interface ServerOptions {
  tokenKey?: TokenKey;
  live?: AppOptions['live'];
}

/**
 * The service on the embedded default, wired as `dacxa serve` wires it, listening on 127.0.0.1,
 * with a token minter for any role.
 */
export async function startServer(now: () => Date, options: ServerOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'dacxa-api-'));
  const secret = randomBytes(32);
  // The service's log lines, kept to check what is (and is never) written there.
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  const config = loadConfig({
    DACXA_DATA_DIR: dir,
    DACXA_KEY_DIR: join(dir, 'keys'),
    DACXA_MASTER_KEY: `k1:${generateMasterKey()}`,
    DACXA_AUDIT_SIGN_EVERY: '50',
  });
  const stores = await openStores(config, logger, { writerThreads: true });
  const views = openViews(config, stores, logger);
  views.start();
  const { ledger, signer } = openLedger(config, stores, logger, 'signs');
  ledger.start();
  const { cosigner } = openCosigner(config, ledger, signer, logger);
  cosigner.start();
  const app = buildApp({
    store: stores.store,
    sealer: stores.sealer,
    tokenKey: options.tokenKey ?? secret,
    logger,
    now,
    views: { engine: views, documents: stores.documents, keys: stores.keys },
    audit: auditServed(config, ledger, signer, cosigner),
    ...(options.live ? { live: options.live } : {}),
  });
  // Every token must name a unit of the tree: the server starts with the demo's.
  await seedUnits({
    store: stores.store,
    sealer: stores.sealer,
    tree: createOrgTree(stores.store),
    grants: createGrantIndex(stores.store),
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    stores,
    store: stores.store,
    ledger,
    logLines,
    token: (role: string, unit: string, expiresIn = '1h', actor = `test-${role}`) =>
      // Any role string, 'system' included: the tests check that the service refuses what it must.
      issueDevToken(secret, { actor, role: role as Role, unit }, expiresIn),
    async stop() {
      await app.close();
      await cosigner.stop();
      await ledger.stop();
      await views.stop();
      await stores.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
