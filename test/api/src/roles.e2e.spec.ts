import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_UNITS, seedDemo } from '@dacxa/api';
import { ROUND_2024, anKhanhCaseId } from '@dacxa/domain/scenarios';
import { startServer } from './startServer.js';

// Each role of DOMAIN.md §1 against the seeded demo: what it may read and do, and what it may not.
const { province, commune, otherCommune, ward, otherProvinceCommune } = DEMO_UNITS;
const DOSSIER_1 = '0192f5c4-0011-7000-8000-000000000001';
let server: Awaited<ReturnType<typeof startServer>>;
let head = '0';

beforeAll(async () => {
  server = await startServer(() => new Date('2025-11-03T02:00:00Z'));
  await seedDemo(server.store, server.stores.sealer);
  head = String((await server.store.headPosition()) ?? 0n);
});
afterAll(() => server.stop());

async function as(role: string, unit: string, path: string, body?: unknown, actor?: string) {
  const token = await server.token(role, unit, '1h', actor);
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

// The first An Khánh case: residence in Thôn 2, supervised by the invented u-giup-do-1.
const CASE_1 = anKhanhCaseId(1);
const ALLOWED: Array<[role: string, unit: string, path: string, actor?: string]> = [
  ['commune-police', `${commune}/cong-an`, '/views/case-files'],
  ['commune-chair', commune, '/views/tasks'],
  ['commune-chair', commune, '/views/reports'],
  ['commune-culture-office', `${commune}/van-hoa-xa-hoi`, '/views/tasks'],
  ['village-head', `${commune}/thon-2`, `/cases/${CASE_1}/history`],
  ['supervisor', commune, `/cases/${CASE_1}/timeline`, 'u-giup-do-1'],
  ['vbsp', commune, '/views/loan-books'],
  ['procuracy', 'vks-tinh', `/views/case-files?unit=${commune}`],
  ['procuracy', 'vks-tinh', '/views/dossiers'],
  ['fatherland-front', `${commune}/mat-tran`, '/views/oversight'],
  ['provincial-police', 'ca-tinh', `/rounds/${ROUND_2024}/history`],
  ['amnesty-subcommittee', 'ca-tinh', '/views/dossiers'],
  ['facility-warden', 'trai-giam-tinh', `/dossiers/${DOSSIER_1}/timeline`],
  ['court', 'toa-an-tinh', `/dossiers/${DOSSIER_1}/history`],
  ['auditor', 'thanh-tra-tinh', '/views/case-files'],
];

// Views of units outside the caller's reach: 403 (the units are public, their records are not).
const FORBIDDEN_VIEWS: Array<[role: string, unit: string, path: string]> = [
  ['commune-police', `${commune}/cong-an`, `/views/case-files?unit=${otherCommune}`],
  ['commune-police', `${commune}/cong-an`, `/views/case-files?unit=${province}`],
  ['commune-police', `${commune}/cong-an`, '/views/dossiers'],
  ['vbsp', commune, `/views/loan-books?unit=${ward}`],
  ['procuracy', 'vks-tinh', `/views/case-files?unit=${otherProvinceCommune}`],
  ['amnesty-subcommittee', 'ca-tinh', `/views/case-files?unit=${commune}`],
  ['fatherland-front', `${commune}/mat-tran`, '/views/dossiers'],
];

// Records outside the caller's reach answer as missing ones do: 404, so existence does not leak.
const HIDDEN_RECORDS: Array<[role: string, unit: string, path: string, actor?: string]> = [
  ['commune-chair', commune, '/cases/0192f5c4-0002-7000-8000-000000000099/history'],
  ['commune-police', `${otherCommune}/cong-an`, `/cases/${CASE_1}/history?asOf=2020-01-01`],
  ['village-head', `${commune}/thon-1`, `/cases/${CASE_1}/history`],
  ['supervisor', commune, `/cases/${CASE_1}/timeline`, 'u-giup-do-2'],
  ['village-head', `${commune}/thon`, `/rounds/${ROUND_2024}/history`],
  ['procuracy', 'tinh-quang-ninh/vks', `/dossiers/${DOSSIER_1}/history`],
  ['court', 'tinh-quang-ninh/toa-an', `/rounds/${ROUND_2024}/history`],
  ['facility-warden', 'tinh-quang-ninh/trai-giam', `/dossiers/${DOSSIER_1}/timeline`],
  ['fatherland-front', `${commune}/mat-tran`, `/dossiers/${DOSSIER_1}/history`],
];

describe('each role, inside and outside its unit', () => {
  it.each(ALLOWED)('%s (%s) may read %s', async (role, unit, path, actor) => {
    expect((await as(role, unit, path, undefined, actor)).status).toBe(200);
  });

  it.each(FORBIDDEN_VIEWS)(
    '%s (%s) may not read %s: 403 problem+json, and the attempt is logged',
    async (role, unit, path) => {
      const reply = await as(role, unit, path);
      expect(reply).toMatchObject({ status: 403, body: { code: 'ERR_FORBIDDEN' } });
      expect(reply.body.items).toBeUndefined();
      const logged = server.logLines.filter((l) => l.includes('access refused'));
      expect(logged.some((l) => l.includes(`"role":"${role}"`) && l.includes(`"unit":"${unit}"`))).toBe(true);
    },
  );

  it.each(HIDDEN_RECORDS)(
    '%s (%s) is told %s does not exist, as for a missing record, and the attempt is logged',
    async (role, unit, path, actor) => {
      const reply = await as(role, unit, path, undefined, actor);
      expect(reply).toMatchObject({
        status: 404,
        body: { code: 'ERR_NOT_FOUND', title: 'Không tìm thấy hồ sơ' },
      });
      expect(reply.body.events).toBeUndefined();
    },
  );

  it('lets a province-level body see its communes through the unit tree, and nothing of another province', async () => {
    const whole = items(await as('procuracy', 'vks-tinh', '/views/case-files?limit=200'));
    expect(new Set(whole.map((c) => c.communeCode))).toEqual(new Set([commune, ward]));
    expect(whole.length).toBeGreaterThanOrEqual(30);
    expect(
      items(await as('commune-police', `${ward}/cong-an`, '/views/case-files')).map((c) => c.communeCode),
    ).toEqual([ward]);
  });

  it('opens people’s names for the commune police and hides them from the auditor', async () => {
    const police = items(await as('commune-police', `${commune}/cong-an`, '/views/case-files?limit=1'));
    const auditor = items(await as('auditor', 'thanh-tra-tinh', '/views/case-files?limit=1'));
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
    // The commune police may not even read the province's round: it answers as a missing one.
    expect(round).toMatchObject({ status: 404, body: { code: 'ERR_NOT_FOUND' } });
    const recorder = await as(
      'procuracy',
      'vks-tinh',
      `/rounds/${ROUND_2024}/commands/RecordRoundAnnouncement`,
      {
        announcedOn: '2025-11-03',
      },
    );
    expect(recorder).toMatchObject({ status: 403, body: { code: 'ERR_FORBIDDEN' } });
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
    expect((await as('procuracy', 'vks-tinh', '/views/case-files?unit=xa-moi-lap')).status).toBe(200);
  });
});
