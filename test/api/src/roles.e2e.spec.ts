import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_UNITS, seedDemo } from '@dacxa/api';
import { ROUND_2024, anKhanhCaseId } from '@dacxa/domain/scenarios';
import { startServer } from './startServer.js';

// Each role of DOMAIN.md §1 against the seeded demo: what it may read and do, and what it may not.
const { province, commune, otherCommune, ward } = DEMO_UNITS;
const DOSSIER_1 = '0192f5c4-0011-7000-8000-000000000001';
let server: Awaited<ReturnType<typeof startServer>>;
let head = '0';

beforeAll(async () => {
  server = await startServer(() => new Date('2025-11-03T02:00:00Z'));
  await seedDemo(server.store, server.stores.sealer);
  head = String((await server.store.headPosition()) ?? 0n);
});
afterAll(() => server.stop());

async function as(role: string, unit: string, path: string, body?: unknown) {
  const token = await server.token(role, unit);
  const url = path.startsWith('/views/')
    ? `${path}${path.includes('?') ? '&' : '?'}minPosition=${head}`
    : path;
  const response = await fetch(`${server.url}${url}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const items = (reply: { body: Record<string, unknown> }) =>
  reply.body.items as Array<Record<string, unknown>>;

const ALLOWED: Array<[role: string, unit: string, path: string]> = [
  ['commune-police', `${commune}/cong-an`, '/views/case-files'],
  ['commune-chair', commune, '/views/tasks'],
  ['commune-chair', commune, '/views/reports'],
  ['commune-culture-office', `${commune}/van-hoa-xa-hoi`, '/views/tasks'],
  ['village-head', `${commune}/thon`, `/cases/${anKhanhCaseId(1)}/history`],
  ['supervisor', commune, `/cases/${anKhanhCaseId(1)}/timeline`],
  ['vbsp', commune, '/views/loan-books'],
  ['procuracy', province, `/views/case-files?unit=${commune}`],
  ['procuracy', province, '/views/dossiers'],
  ['fatherland-front', `${commune}/mat-tran`, '/views/oversight'],
  ['provincial-police', province, `/rounds/${ROUND_2024}/history`],
  ['amnesty-subcommittee', 'ca-tinh', '/views/dossiers'],
  ['facility-warden', 'trai-giam-tinh', `/dossiers/${DOSSIER_1}/timeline`],
  ['court', province, `/dossiers/${DOSSIER_1}/history`],
  ['auditor', province, '/views/case-files'],
];

const FORBIDDEN: Array<[role: string, unit: string, path: string]> = [
  ['commune-police', `${commune}/cong-an`, `/views/case-files?unit=${otherCommune}`],
  ['commune-police', `${commune}/cong-an`, `/views/case-files?unit=${province}`],
  ['commune-police', `${commune}/cong-an`, '/views/dossiers'],
  ['commune-chair', commune, '/cases/0192f5c4-0002-7000-8000-000000000099/history'],
  ['village-head', `${commune}/thon`, `/rounds/${ROUND_2024}/history`],
  ['vbsp', commune, `/views/loan-books?unit=${ward}`],
  ['procuracy', province, `/views/case-files?unit=${ward}`],
  ['amnesty-subcommittee', 'ca-tinh', `/views/case-files?unit=${commune}`],
];

describe('each role, inside and outside its unit', () => {
  it.each(ALLOWED)('%s (%s) may read %s', async (role, unit, path) => {
    expect((await as(role, unit, path)).status).toBe(200);
  });

  it.each(FORBIDDEN)(
    '%s (%s) may not read %s: 403 problem+json, and the attempt is logged',
    async (role, unit, path) => {
      const reply = await as(role, unit, path);
      expect(reply).toMatchObject({ status: 403, body: { code: 'ERR_FORBIDDEN' } });
      expect(reply.body.items).toBeUndefined();
      const logged = server.logLines.filter(
        (l) => l.includes('"statusCode":403') || l.includes('ERR_FORBIDDEN'),
      );
      expect(logged.some((l) => l.includes(`"role":"${role}"`) && l.includes(`"unit":"${unit}"`))).toBe(true);
    },
  );

  it('lets a province-level body see its communes through the unit tree, and nothing of another province', async () => {
    const whole = items(await as('procuracy', province, '/views/case-files?limit=200'));
    expect(new Set(whole.map((c) => c.communeCode))).toEqual(new Set([commune]));
    expect(whole.length).toBeGreaterThanOrEqual(30);
    expect(
      items(await as('commune-police', `${ward}/cong-an`, '/views/case-files')).map((c) => c.communeCode),
    ).toEqual([ward]);
  });

  it('opens people’s names for the commune police and hides them from the auditor', async () => {
    const police = items(await as('commune-police', `${commune}/cong-an`, '/views/case-files?limit=1'));
    const auditor = items(await as('auditor', province, '/views/case-files?limit=1'));
    expect(police[0]?.person).toMatchObject({ fullName: 'Người Giả Định A' });
    expect(auditor[0]?.person).toMatchObject({ fullName: '[ẩn]' });
  });

  it('refuses acts outside a role’s remit with 403, citing the rule, and records nothing', async () => {
    const before = await server.store.headPosition();
    const round = await as(
      'commune-police',
      `${commune}/cong-an`,
      `/rounds/${ROUND_2024}/commands/RecordRoundAnnouncement`,
      {
        announcedOn: '2025-11-03',
      },
    );
    expect(round).toMatchObject({
      status: 403,
      body: { code: 'ERR_FORBIDDEN', rule: expect.any(String) as string },
    });
    const units = await as('commune-chair', commune, '/org-units/commands/EstablishOrgUnit', {
      code: 'xa-an-khanh-thon-7',
      kind: 'VILLAGE',
      name: 'Thôn 7',
      parent: commune,
      effectiveFrom: '2025-11-03',
    });
    expect(units).toMatchObject({ status: 403, body: { code: 'ERR_FORBIDDEN' } });
    expect(await server.store.headPosition()).toBe(before);
  });

  it('lets the administrator extend the unit tree, which scope follows at once', async () => {
    const added = await as('admin', province, '/org-units/commands/EstablishOrgUnit', {
      code: 'xa-moi-lap',
      kind: 'COMMUNE',
      name: 'Xã Mới Lập (giả định)',
      parent: province,
      effectiveFrom: '2025-11-01',
    });
    expect(added.status).toBe(201);
    const tree = await as('admin', province, '/org-units/history');
    expect((tree.body.events as Array<{ data: { code: string } }>).map((e) => e.data.code)).toContain(
      'xa-moi-lap',
    );
    expect((await as('procuracy', province, '/views/case-files?unit=xa-moi-lap')).status).toBe(200);
  });
});
