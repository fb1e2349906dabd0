import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { buildApp, issueDevToken, type TokenKey } from '@dacxa/api';
import type { Role } from '@dacxa/domain';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';
import { caseFilesProjection, createProjectionEngine } from '@dacxa/read-models';
import { getSqliteDocumentStore } from '@dacxa/read-models-sqlite';
import { createDataKeys, createSealer, getSealingEventStore, localMasterKeys } from '@dacxa/protection';
import { getSqliteKeyStore } from '@dacxa/protection/sqlite';

/** The service on the embedded default, listening on 127.0.0.1, with a token minter for any role. */
export async function startServer(now: () => Date, tokenKey?: TokenKey) {
  const dir = mkdtempSync(join(tmpdir(), 'dacxa-api-'));
  const secret = randomBytes(32);
  // The service's log lines, kept to check what is (and is never) written there.
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  const keys = createDataKeys(
    getSqliteKeyStore(join(dir, 'keys.sqlite')),
    localMasterKeys([{ id: 'k1', key: randomBytes(32) }]),
  );
  const sealer = createSealer(keys);
  const store = getSealingEventStore(
    getSqliteEventStore({ path: join(dir, 'dacxa.sqlite') }),
    sealer,
    logger,
  );
  const documents = getSqliteDocumentStore({ path: join(dir, 'views.sqlite') });
  const engine = createProjectionEngine({
    events: store,
    documents,
    projections: [caseFilesProjection],
    logger,
  });
  engine.start();
  const app = buildApp({
    store,
    sealer,
    tokenKey: tokenKey ?? secret,
    logger,
    now,
    views: { engine, documents, keys },
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    store,
    logLines,
    token: (role: string, unit: string, expiresIn = '1h') =>
      // Any role string, 'system' included: the tests check that the service refuses what it must.
      issueDevToken(secret, { actor: `test-${role}`, role: role as Role, unit }, expiresIn),
    async stop() {
      await app.close();
      await engine.stop();
      await documents.close();
      await store.close();
      await keys.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
