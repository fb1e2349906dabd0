import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAggregate } from '@dacxa/commands';
import {
  AGGREGATES,
  ROLES,
  held,
  localDateAt,
  permits,
  type AggregateKind,
  type Holders,
  type OrgUnitsState,
  type Role,
  type UnitKind,
} from '@dacxa/domain';
import { AN_KHANH_PLAN, ROUND_2024, anKhanhCaseId } from '@dacxa/domain/scenarios';
import { DEMO_TREE } from './seedDemo.js';
import { MATTER_ID, seededApp } from './testing/seededApp.js';
import { VIEWS, documentKind } from './viewCatalogue.js';

// The access matrix, generated from the policy: every role, acting for every unit of the demo tree
// it could plausibly act for, against one record of every aggregate (read and write) and every view.
// The expectation is the policy's own answer; the routes must agree with it, whatever they are.
const NOW = new Date('2025-11-03T02:00:00Z');
const TODAY = localDateAt(NOW.toISOString());
const DOSSIER_1 = '0192f5c4-0011-7000-8000-000000000001';

interface RecordCase {
  kind: Exclude<AggregateKind, 'correction'>;
  id: string;
  path: string;
  write: { type: string; body: unknown };
  /** Units the write touches beyond the record's holders (a change to the unit tree). */
  touches?: Holders;
}

const RECORDS: readonly RecordCase[] = [
  {
    kind: 'case',
    id: anKhanhCaseId(1),
    path: `/cases/${anKhanhCaseId(1)}`,
    write: { type: 'LogVisit', body: { visitedOn: TODAY, place: 'HOME', findings: 'Ổn định', concerns: [] } },
  },
  {
    kind: 'plan',
    id: AN_KHANH_PLAN,
    path: `/plans/${AN_KHANH_PLAN}`,
    write: {
      type: 'ProposeCommendation',
      body: {
        commendationId: '0192f5c4-0040-7000-8000-000000000001',
        recipient: 'Thôn 2',
        recipientKind: 'UNIT',
        achievement: 'Giúp đỡ tốt',
        proposedOn: TODAY,
      },
    },
  },
  {
    kind: 'task',
    id: '0192f5c4-0004-7000-8000-000000000002',
    path: '/tasks/0192f5c4-0004-7000-8000-000000000002',
    write: { type: 'ReportTaskProgress', body: { reportedOn: TODAY, note: 'Đang thực hiện', evidence: [] } },
  },
  {
    kind: 'report',
    id: '0192f5c4-0005-7000-8000-000000000002',
    path: '/reports/0192f5c4-0005-7000-8000-000000000002',
    write: { type: 'ReturnReport', body: { returnedOn: TODAY, reason: 'Thiếu số liệu' } },
  },
  {
    kind: 'oversight',
    id: MATTER_ID,
    path: `/oversight/${MATTER_ID}`,
    write: {
      type: 'RespondToRecommendation',
      body: {
        recommendationId: '0192f5c4-0031-7000-8000-000000000001',
        respondedOn: TODAY,
        content: 'Đã khắc phục',
        document: { number: '3/BC-UBND', date: TODAY },
      },
    },
  },
  {
    kind: 'round',
    id: ROUND_2024,
    path: `/rounds/${ROUND_2024}`,
    write: { type: 'RecordRoundAnnouncement', body: { announcedOn: TODAY } },
  },
  {
    kind: 'dossier',
    id: DOSSIER_1,
    path: `/dossiers/${DOSSIER_1}`,
    write: { type: 'AttachDocument', body: { docType: 'OTHER', document: { number: '9/TL', date: TODAY } } },
  },
  {
    kind: 'org-units',
    id: 'registry',
    path: '/org-units',
    write: {
      type: 'RenameOrgUnit',
      body: { code: 'xa-minh-hoa', name: 'Xã Minh Họa', effectiveFrom: TODAY },
    },
    touches: [held('unit', 'xa-minh-hoa')],
  },
];

// The kinds of unit each role could act for; every demo unit of those kinds is tried.
const ROLE_UNITS: Record<Exclude<Role, 'system'>, readonly UnitKind[]> = {
  'commune-police': ['POLICE'],
  'commune-chair': ['COMMUNE', 'WARD'],
  'commune-deputy-chair': ['COMMUNE', 'WARD'],
  'commune-culture-office': ['OFFICE'],
  'commune-economic-office': ['OFFICE'],
  'commune-service-centre': ['OFFICE'],
  'village-head': ['VILLAGE', 'OFFICE'],
  supervisor: ['COMMUNE', 'WARD'],
  procuracy: ['PROCURACY'],
  'fatherland-front': ['FRONT'],
  'provincial-police': ['POLICE'],
  'amnesty-subcommittee': ['POLICE'],
  'provincial-committee': ['PROVINCE'],
  court: ['COURT'],
  'facility-warden': ['FACILITY'],
  vbsp: ['COMMUNE', 'WARD', 'NATIONAL'],
  'civil-enforcement': ['OFFICE'],
  'provincial-justice-dept': ['OFFICE'],
  'provincial-home-affairs-dept': ['OFFICE'],
  'provincial-health-dept': ['OFFICE'],
  auditor: ['OFFICE', 'PROVINCE'],
  admin: ['NATIONAL', 'PROVINCE', 'COMMUNE'],
};

interface Who {
  role: Role;
  unit: string;
  actor: string;
}

// The supervisor of the first case acts as itself; everyone else under an invented name.
const PLACEMENTS: readonly Who[] = (Object.keys(ROLE_UNITS) as Array<keyof typeof ROLE_UNITS>).flatMap(
  (role) =>
    DEMO_TREE.filter((u) => ROLE_UNITS[role].includes(u.kind)).flatMap((u): Who[] =>
      role === 'supervisor'
        ? [
            { role, unit: u.code, actor: 'u-giup-do-1' },
            { role, unit: u.code, actor: 'u-giup-do-2' },
          ]
        : [{ role, unit: u.code, actor: `m-${role}` }],
    ),
);

let fixture: Awaited<ReturnType<typeof seededApp>>;
let tree: OrgUnitsState;
const holdersOf = new Map<AggregateKind, Holders>();

async function holders(kind: AggregateKind, id: string): Promise<Holders> {
  const loaded = await loadAggregate(
    fixture.store,
    fixture.deps.sealer,
    AGGREGATES[kind] as never,
    `${kind}-${id}`,
  );
  return (AGGREGATES[kind].holders as (state: unknown) => Holders)(loaded.state);
}

beforeAll(async () => {
  fixture = await seededApp(() => NOW);
  tree = await fixture.deps.tree.current();
  for (const record of RECORDS) holdersOf.set(record.kind, await holders(record.kind, record.id));
}, 60_000);
afterAll(() => fixture.close());

const may = (who: Who, kind: Exclude<AggregateKind, 'correction'>, action: 'read' | 'write', of: Holders) =>
  permits(tree, who, kind, action, of, TODAY);

async function call(who: Who, method: 'GET' | 'POST', url: string, body?: unknown) {
  const token = await fixture.token(who.role, who.unit, who.actor);
  const response = await fixture.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}

describe('the access matrix, generated from the policy', () => {
  it('covers every role but the system', () => {
    expect(new Set(PLACEMENTS.map((p) => p.role))).toEqual(
      new Set(Object.keys(ROLES).filter((r) => r !== 'system')),
    );
    expect(PLACEMENTS.length * RECORDS.length * 2).toBeGreaterThan(1000);
  });

  it('reads: every role × unit × record answers 200 exactly when the policy grants it, and 404 otherwise', async () => {
    const disagreements: string[] = [];
    for (const who of PLACEMENTS) {
      for (const record of RECORDS) {
        const expected = may(who, record.kind, 'read', holdersOf.get(record.kind) ?? []) ? 200 : 404;
        const history = await call(who, 'GET', `${record.path}/history?asOf=2030-01-01`);
        if (history.status !== expected)
          disagreements.push(
            `${who.role}@${who.unit}(${who.actor}) ${record.kind}: ${history.status} ≠ ${expected}`,
          );
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('writes: refused by the policy exactly when it says so (404 when unreadable, else 403), and nothing is written', async () => {
    const disagreements: string[] = [];
    for (const who of PLACEMENTS) {
      for (const record of RECORDS) {
        const of = [...(holdersOf.get(record.kind) ?? []), ...(record.touches ?? [])];
        const before = await fixture.store.headRevision(`${record.kind}-${record.id}`);
        const reply = await call(
          who,
          'POST',
          `${record.path}/commands/${record.write.type}`,
          record.write.body,
        );
        const byPolicy =
          reply.body.code === 'ERR_NOT_FOUND' || (reply.status === 403 && reply.body.rule === undefined);
        const allowed = may(who, record.kind, 'write', of);
        const expected = allowed ? 'passes the policy' : may(who, record.kind, 'read', of) ? '403' : '404';
        const got = byPolicy ? String(reply.status) : 'passes the policy';
        if (got !== expected)
          disagreements.push(`${who.role}@${who.unit} ${record.kind}: ${got} ≠ ${expected}`);
        if (!allowed && (await fixture.store.headRevision(`${record.kind}-${record.id}`)) !== before)
          disagreements.push(`${who.role}@${who.unit} ${record.kind}: written although refused`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('views: every role × unit × view shows exactly the documents the policy lets it read', async () => {
    const disagreements: string[] = [];
    for (const [name, view] of Object.entries(VIEWS)) {
      const collection = fixture.engine.collection(view.projection, view.collection);
      const all = (await fixture.documents.find(collection, { limit: 10_000 })).items;
      for (const who of PLACEMENTS) {
        const expected = all
          .filter((d) =>
            may(
              who,
              documentKind(view.access, d.doc) as Exclude<AggregateKind, 'correction'>,
              'read',
              view.access.holders(d.doc),
            ),
          )
          .map((d) => d.id)
          .sort();
        const reply = await call(who, 'GET', `/views/${name}?limit=200`);
        const seen = reply.status === 200 ? (reply.body.items as Array<Record<string, unknown>>) : [];
        const ids = seen.map((doc) => String(doc[view.orderBy])).sort();
        if (reply.status !== 200 && reply.status !== 403)
          disagreements.push(`${who.role}@${who.unit} ${name}: status ${reply.status}`);
        if (JSON.stringify(ids) !== JSON.stringify(expected))
          disagreements.push(
            `${who.role}@${who.unit} ${name}: saw ${ids.length}, policy grants ${expected.length}`,
          );
      }
    }
    expect(disagreements).toEqual([]);
  });
});
