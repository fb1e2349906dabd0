import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { createGrantIndex, createOrgTree, handleCommand, type CommandDeps } from '@dacxa/commands';
import { AGGREGATES, type Role } from '@dacxa/domain';
import { sealedInMemoryStore } from '@dacxa/protection/testing';
import { ALL_PROJECTIONS, createProjectionEngine, getInMemoryDocumentStore } from '@dacxa/read-models';
import { createCosigner, createLedger, createTreeHeadSigner, generateSigningKey } from '@dacxa/audit';
import { buildApp } from '../app.js';
import { issueDevToken } from '../devToken.js';
import { type SeededCommand } from '../scenarioRunner.js';
import { seedDemo } from '../seedDemo.js';

/** The oversight matter the fixture adds to the demo: the provincial procuracy's, addressed to An Khánh. */
export const MATTER_ID = '0192f5c4-0030-7000-8000-000000000001';

async function addOversightMatter(deps: CommandDeps): Promise<void> {
  const meta = {
    actor: 'u-kiem-sat',
    role: 'procuracy' as const,
    unit: 'vks-tinh',
    now: '2025-09-10T01:00:00Z',
  };
  await handleCommand(deps, 'oversight', AGGREGATES.oversight, {
    type: 'RecordFinding',
    id: MATTER_ID,
    data: {
      matterId: MATTER_ID,
      body: 'PROCURACY',
      bodyUnit: 'vks-tinh',
      scope: { kind: 'UNIT', ref: 'xa-an-khanh' },
      findings: 'Chậm lập hồ sơ quản lý 2 trường hợp (giả định)',
      recordedOn: '2025-09-10',
    },
    meta,
  });
  await handleCommand(deps, 'oversight', AGGREGATES.oversight, {
    type: 'IssueRecommendation',
    id: MATTER_ID,
    data: {
      recommendationId: '0192f5c4-0031-7000-8000-000000000001',
      kind: 'RECOMMENDATION',
      addresseeUnit: 'xa-an-khanh',
      content: 'Lập hồ sơ đúng hạn',
      issuedOn: '2025-09-10',
      responseDays: 5,
      dayKind: 'CALENDAR',
      document: { number: '12/KN-VKS', date: '2025-09-10' },
    },
    meta,
  });
}

/**
 * The app in process over the seeded demo (in-memory log, keys and views, the projections caught
 * up), for `inject()` suites that need real records: the access matrix and the garbage properties.
 */
export async function seededApp(now = () => new Date('2025-11-03T02:00:00Z')) {
  const secret = randomBytes(32);
  const { keys, sealer, store } = sealedInMemoryStore();
  const deps: CommandDeps = { store, sealer, tree: createOrgTree(store), grants: createGrantIndex(store) };
  const seeded: SeededCommand[] = [];
  await seedDemo(store, sealer, { onCommand: (_count, command) => command && seeded.push(command) });
  await addOversightMatter(deps);
  const documents = getInMemoryDocumentStore();
  const engine = createProjectionEngine({
    events: store,
    documents,
    projections: ALL_PROJECTIONS,
    lingerMs: 1,
  });
  engine.start();
  const head = (await store.headPosition()) ?? 0n;
  await engine.waitFor(head, 30_000);
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  const signer = createTreeHeadSigner(generateSigningKey());
  const ledger = createLedger({ events: store, signer, signEvery: 100, signEveryMs: 60_000 });
  ledger.start();
  await ledger.caughtUp();
  const origin = 'dacxa.test/log';
  // No witnesses here: the log's own signature is what gets published.
  const cosigner = createCosigner({
    tree: ledger,
    sign: (size, root) => signer.signCheckpoint(origin, size, root),
    policy: null,
  });
  cosigner.start();
  await cosigner.covering(ledger.size);
  const audit = {
    ledger,
    publicKeyPem: signer.publicKeyPem,
    keyId: signer.keyId,
    checkpoints: {
      origin,
      verifierKey: signer.verifierKey(origin),
      published: cosigner,
      health: () => cosigner.health(),
    },
  };
  const app = buildApp({
    store,
    sealer,
    tokenKey: secret,
    logger,
    now,
    views: { engine, documents, keys },
    audit,
  });
  await app.ready();
  return {
    app,
    deps,
    /** Every command the demo recorded, with the role and unit that recorded it. */
    seeded,
    store,
    documents,
    engine,
    ledger,
    cosigner,
    logLines,
    token: (role: Role, unit: string, actor = `m-${role}`) =>
      issueDevToken(secret, { actor, role, unit }, '1h'),
    async close() {
      await app.close();
      await cosigner.stop();
      await ledger.stop();
      await engine.stop();
    },
  };
}
