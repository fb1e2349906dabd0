import { afterEach, describe, expect, it } from 'vitest';
import {
  createGrantIndex,
  createOrgTree,
  loadAggregate,
  markerHandler,
  type CommandDeps,
} from '@dacxa/commands';
import { AGGREGATES } from '@dacxa/domain';
import { runProvince2024 } from '@dacxa/domain/scenarios';
import type { EventStore } from '@dacxa/event-store';
import { sealedInMemoryStore } from '@dacxa/protection/testing';
import { ALL_PROJECTIONS, createProjectionEngine, getInMemoryDocumentStore } from '@dacxa/read-models';
import { createCertificateFollower, type CertificateFollower } from '@dacxa/runtime';
import { scenarioRunner } from './scenarioRunner.js';
import { DEMO_UNITS, seedUnits } from './seedDemo.js';
import { seededApp } from './testing/seededApp.js';

const now = () => new Date('2024-10-02T02:00:00Z');
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** The 2024 round released with seven certificates to An Khánh and no case opened by the commune. */
async function releasedRound() {
  const { sealer, store } = sealedInMemoryStore();
  const deps: CommandDeps = { store, sealer, tree: createOrgTree(store), grants: createGrantIndex(store) };
  await seedUnits(deps);
  await runProvince2024(
    scenarioRunner(deps, () => undefined),
    { granted: 6, openCases: false },
  );
  const documents = getInMemoryDocumentStore();
  const engine = createProjectionEngine({
    events: store,
    documents,
    projections: ALL_PROJECTIONS,
    lingerMs: 1,
  });
  engine.start();
  stops.push(() => engine.stop());
  const follower = (): CertificateFollower => {
    const made = createCertificateFollower({
      clock: now,
      events: store,
      documents,
      views: engine,
      handle: markerHandler(deps),
      personOf: async (id) => {
        const { state } = await loadAggregate(store, sealer, AGGREGATES.dossier, `dossier-${id}`);
        return state.status === 'none' ? null : state.person;
      },
    });
    stops.unshift(() => made.stop());
    return made;
  };
  return { store, follower };
}

/** The notices the system recorded, by stream. */
async function systemNotices(store: EventStore): Promise<string[]> {
  const found: string[] = [];
  for await (const event of store.readAll())
    if (event.type === 'ReleaseNoticeReceived' && event.metadata.actor === 'dacxa-scheduler')
      found.push(event.stream);
  return found.sort();
}

describe('the certificate follower', () => {
  it('opens one expected case per certificate, and nothing more on a re-run', async () => {
    const { store, follower } = await releasedRound();
    const first = follower();
    expect(await first.followNow()).toEqual({ due: 7, opened: 7, alreadyOpen: 0, failed: 0 });
    const opened = await systemNotices(store);
    expect(opened).toHaveLength(7);
    expect(await first.followNow()).toEqual({ due: 0, opened: 0, alreadyOpen: 0, failed: 0 });
    // A restart is a new follower over the same log and views.
    expect(await follower().followNow()).toMatchObject({ due: 0, opened: 0 });
    expect(await systemNotices(store)).toEqual(opened);
  });

  it('opens each case once when two instances follow the same certificates at once', async () => {
    const { store, follower } = await releasedRound();
    const [a, b] = await Promise.all([follower().followNow(), follower().followNow()]);
    expect(a.opened + b.opened).toBe(7);
    expect(a.alreadyOpen + b.alreadyOpen).toBe(7);
    expect(a.failed + b.failed).toBe(0);
    expect(new Set(await systemNotices(store)).size).toBe(7);
    expect(await systemNotices(store)).toHaveLength(7);
  });

  it('leaves alone the cases the commune opened itself from the certificate', async () => {
    const seeded = await seededApp(now);
    stops.push(() => seeded.close());
    const follower = createCertificateFollower({
      clock: now,
      events: seeded.store,
      documents: seeded.documents,
      views: seeded.engine,
      handle: markerHandler(seeded.deps),
      personOf: () => Promise.reject(new Error('not asked')),
    });
    stops.unshift(() => follower.stop());
    expect(await follower.followNow()).toEqual({ due: 0, opened: 0, alreadyOpen: 0, failed: 0 });
  });
});

describe('GET /views/reconciliation/summary', () => {
  it('counts the commune’s own expected people, rolled up by province; another commune sees none of it', async () => {
    const seeded = await seededApp(() => new Date('2024-10-12T02:00:00Z'));
    stops.push(() => seeded.close());
    const get = async (role: Parameters<typeof seeded.token>[0], unit: string, query = '') =>
      seeded.app.inject({
        method: 'GET',
        url: `/views/reconciliation/summary${query}`,
        headers: { authorization: `Bearer ${await seeded.token(role, unit)}` },
      });
    const own = await get('commune-police', `${DEMO_UNITS.commune}/cong-an`);
    expect(own.statusCode).toBe(200);
    const body = own.json<{
      communes: Array<Record<string, unknown>>;
      provinces: Array<Record<string, unknown>>;
    }>();
    expect(body.communes).toEqual([
      expect.objectContaining({
        communeCode: DEMO_UNITS.commune,
        province: DEMO_UNITS.province,
        expected: 7,
      }),
    ]);
    const row = body.communes[0] as Record<
      'reportedOnTime' | 'reportedLate' | 'arrivedElsewhere' | 'notYetSeen',
      number
    >;
    expect(row.reportedOnTime + row.reportedLate + row.arrivedElsewhere + row.notYetSeen).toBe(7);
    expect(body.provinces).toEqual([
      expect.objectContaining({ province: DEMO_UNITS.province, communes: 1, expected: 7 }),
    ]);
    expect(own.body).not.toMatch(/fullName|personId/);

    const other = await get('commune-police', `${DEMO_UNITS.otherCommune}/cong-an`);
    expect(other.statusCode).toBe(200);
    expect(other.json()).toMatchObject({ communes: [], provinces: [] });
    expect(
      (await get('commune-police', `${DEMO_UNITS.otherCommune}/cong-an`, `?unit=${DEMO_UNITS.commune}`))
        .statusCode,
    ).toBe(403);
    const list = await seeded.app.inject({
      method: 'GET',
      url: '/views/reconciliation',
      headers: {
        authorization: `Bearer ${await seeded.token('commune-police', `${DEMO_UNITS.otherCommune}/cong-an`)}`,
      },
    });
    expect(list.json()).toMatchObject({ items: [] });

    const province = await get('provincial-police', 'ca-tinh');
    expect(province.json()).toMatchObject({ provinces: [expect.objectContaining({ expected: 7 })] });
  });
});
