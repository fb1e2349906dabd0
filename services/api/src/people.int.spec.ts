import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anKhanhCaseId } from '@dacxa/domain/scenarios';
import type { RecordedEvent } from '@dacxa/event-store';
import { recordRead } from './recordRead.js';
import { DEMO_UNITS } from './seedDemo.js';
import { seededApp } from './testing/seededApp.js';

type Seeded = Awaited<ReturnType<typeof seededApp>>;
let s: Seeded;
const { commune, otherCommune, province, otherProvince } = DEMO_UNITS;
const NOBODY = '0192f5c4-00ff-7000-8000-0000000000ff';

/** The demo's person of An Khánh case n, and the name the demo gave them (invented). */
function personOf(n: number): { personId: string; fullName: string } {
  const found = s.seeded.find(
    (c) => c.kind === 'case' && c.id === anKhanhCaseId(n) && 'person' in (c.command.data as object),
  );
  return (found?.command.data as { person: { personId: string; fullName: string } }).person;
}

async function events(stream: string): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of s.store.readStream(stream)) out.push(e);
  return out;
}

const as = async (role: Parameters<Seeded['token']>[0], unit: string, actor?: string) => ({
  authorization: `Bearer ${await s.token(role, unit, actor)}`,
});
const police = () => as('commune-police', `${commune}/cong-an`, 'u-cong-an-1');
const otherPolice = () => as('commune-police', `${otherCommune}/cong-an`);
const admin = (actor = 'u-quan-tri-1') => as('admin', province, actor);
const proposal = {
  reason: 'SUBJECT_REQUEST',
  legalBasis: { source: 'LBVDLCN', article: '16' },
  document: { number: '07/ĐN-XDL', date: '2025-11-01' },
};

beforeAll(async () => {
  s = await seededApp();
}, 120_000);
afterAll(async () => s.close());

describe('four-eyes erasure', () => {
  const url = () => `/people/${personOf(2).personId}/erasure-requests`;

  it('records a proposal by the commune police with its basis, in person-rights-<personId>', async () => {
    const reply = await s.app.inject({
      method: 'POST',
      url: url(),
      headers: await police(),
      payload: proposal,
    });
    expect(reply.statusCode, reply.body).toBe(201);
    const [event] = await events(`person-rights-${personOf(2).personId}`);
    expect(event).toMatchObject({
      type: 'ErasureRequested',
      data: {
        ...proposal,
        requestId: reply.json<{ requestId: string }>().requestId,
        requestedOn: '2025-11-03',
      },
      metadata: { actor: 'u-cong-an-1', role: 'commune-police', unit: `${commune}/cong-an` },
    });
  });

  it('answers another commune’s police as if the person did not exist, and a role with no grant 403', async () => {
    const foreign = await s.app.inject({
      method: 'POST',
      url: url(),
      headers: await otherPolice(),
      payload: proposal,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'ERR_NOT_FOUND' });
    const missing = await s.app.inject({
      method: 'POST',
      url: `/people/${NOBODY}/erasure-requests`,
      headers: await police(),
      payload: proposal,
    });
    expect(missing.json()).toMatchObject({ status: 404, code: 'ERR_NOT_FOUND' });
    const supervisor = await s.app.inject({
      method: 'POST',
      url: url(),
      headers: await as('supervisor', commune, 'u-giup-do-1'),
      payload: proposal,
    });
    expect(supervisor.json()).toMatchObject({ status: 403, code: 'ERR_FORBIDDEN' });
  });

  it('refuses garbage ids and bodies with 400', async () => {
    for (const path of ['/people/not-a-uuid/erasure-requests', `${url()}/x/approve`]) {
      const reply = await s.app.inject({ method: 'POST', url: path, headers: await admin(), payload: {} });
      expect(reply.json(), path).toMatchObject({ status: 400, code: 'ERR_VALIDATION' });
    }
    const bad = await s.app.inject({
      method: 'POST',
      url: url(),
      headers: await police(),
      payload: { ...proposal, reason: 'BECAUSE', extra: 1 },
    });
    expect(bad.json()).toMatchObject({ status: 400, code: 'ERR_VALIDATION' });
  });

  it('never lets the proposer approve, nor a role the domain does not name, nor another province', async () => {
    const proposed = await s.app.inject({
      method: 'POST',
      url: url(),
      headers: await admin(),
      payload: proposal,
    });
    const approve = `${url()}/${proposed.json<{ requestId: string }>().requestId}/approve`;
    const self = await s.app.inject({ method: 'POST', url: approve, headers: await admin() });
    expect(self.json()).toMatchObject({ status: 403, code: 'ERR_FOUR_EYES' });
    const byPolice = await s.app.inject({ method: 'POST', url: approve, headers: await police() });
    expect(byPolice.json()).toMatchObject({ status: 403, code: 'ERR_FORBIDDEN' });
    const foreign = await s.app.inject({
      method: 'POST',
      url: approve,
      headers: await as('admin', otherProvince, 'u-quan-tri-khac'),
    });
    expect(foreign.json()).toMatchObject({ status: 404, code: 'ERR_NOT_FOUND' });
    const unknown = await s.app.inject({
      method: 'POST',
      url: `${url()}/${NOBODY}/approve`,
      headers: await admin('u-2'),
    });
    expect(unknown.json()).toMatchObject({ status: 404, code: 'ERR_ERASURE_REQUEST_NOT_FOUND' });
  });

  it('erases when a second administrator approves, records both steps, then refuses a second approval', async () => {
    const { personId } = personOf(2);
    const list = await s.app.inject({ method: 'GET', url: url(), headers: await police() });
    const first = list.json<{ requests: Array<{ requestId: string }> }>().requests[0]?.requestId ?? '';
    const approve = `${url()}/${first}/approve`;
    const reply = await s.app.inject({ method: 'POST', url: approve, headers: await admin('u-quan-tri-2') });
    expect(reply.json(), reply.body).toMatchObject({ status: 'ERASED', erasedOn: '2025-11-03' });
    const rights = await events(`person-rights-${personId}`);
    expect(rights.at(-1)).toMatchObject({
      type: 'ErasureRequestApproved',
      data: { requestId: first, personId, approvedOn: '2025-11-03' },
      metadata: { actor: 'u-quan-tri-2', role: 'admin', unit: province },
    });
    const [erased] = await events(`person-${personId}`);
    expect(erased).toMatchObject({
      type: 'PersonalDataErased',
      data: { reason: 'SUBJECT_REQUEST', order: proposal.document, legalBasis: proposal.legalBasis },
    });
    const again = await s.app.inject({ method: 'POST', url: approve, headers: await admin('u-quan-tri-3') });
    expect(again.json()).toMatchObject({ status: 409, code: 'ERR_ERASURE_REQUEST_DECIDED' });
    const propose = await s.app.inject({
      method: 'POST',
      url: url(),
      headers: await police(),
      payload: proposal,
    });
    expect(propose.json()).toMatchObject({ status: 409, code: 'ERR_SUBJECT_ALREADY_ERASED' });
    const access = await s.app.inject({
      method: 'GET',
      url: `/people/${personId}/subject-access?requestNumber=1/YC&requestDate=2025-11-01`,
      headers: await police(),
    });
    expect(access.json<{ erased: boolean }>().erased).toBe(true);
    expect(access.body).not.toContain(personOf(2).fullName);
    // The case still reads, and still takes commands: its personal fields read as erased.
    const history = await s.app.inject({
      method: 'GET',
      url: `/cases/${anKhanhCaseId(2)}/history`,
      headers: await police(),
    });
    expect(history.statusCode, history.body).toBe(200);
    expect(history.body).toContain('[đã xóa]');
    expect(history.body).not.toContain(personOf(2).fullName);
  });
});

describe('subject access', () => {
  const url = (query = 'requestNumber=12/YC-CA&requestDate=2025-11-01') =>
    `/people/${personOf(1).personId}/subject-access?${query}`;

  it('gives the commune police everything held about the person, opened, and records it twice', async () => {
    const { personId, fullName } = personOf(1);
    const reply = await s.app.inject({ method: 'GET', url: url(), headers: await police() });
    expect(reply.statusCode, reply.body).toBe(200);
    const body = reply.json<{ streams: string[]; events: Array<{ stream: string; data: unknown }> }>();
    expect(body.streams).toContain(`case-${anKhanhCaseId(1)}`);
    expect(JSON.stringify(body.events)).toContain(fullName);
    expect((await events(`person-${personId}`)).at(-1)).toMatchObject({
      type: 'SubjectAccessExported',
      data: { request: { number: '12/YC-CA', date: '2025-11-01' }, purpose: 'subject-access' },
    });
    expect((await events(`access-${commune}`)).at(-1)).toMatchObject({
      type: 'RecordsRead',
      data: { kind: 'export', target: `person-${personId}`, purpose: 'subject-access' },
      metadata: { actor: 'u-cong-an-1', role: 'commune-police' },
    });
    expect(s.logLines.join('\n')).not.toContain(fullName);
  });

  it('writes a readable Vietnamese document with format=text', async () => {
    const reply = await s.app.inject({
      method: 'GET',
      url: url('format=text&requestNumber=12/YC&requestDate=2025-11-01'),
      headers: await police(),
    });
    expect(reply.headers['content-type']).toContain('text/plain');
    expect(reply.body).toContain('PHIẾU CUNG CẤP DỮ LIỆU CÁ NHÂN');
    expect(reply.body).toContain('Theo yêu cầu: số 12/YC ngày 01/11/2025');
    expect(reply.body).toMatch(/Lập lúc: 03\/11\/2025 09:00:00/);
    expect(reply.body).toContain(personOf(1).fullName);
  });

  it('refuses another commune (404), a role without the grant (403) and a missing request (400)', async () => {
    expect((await s.app.inject({ method: 'GET', url: url(), headers: await otherPolice() })).statusCode).toBe(
      404,
    );
    const procuracy = await s.app.inject({
      method: 'GET',
      url: url(),
      headers: await as('procuracy', 'vks-tinh'),
    });
    expect(procuracy.json()).toMatchObject({ status: 403, code: 'ERR_FORBIDDEN' });
    const bare = await s.app.inject({ method: 'GET', url: url('format=json'), headers: await police() });
    expect(bare.json()).toMatchObject({ status: 400, code: 'ERR_VALIDATION' });
  });
});

describe('a person’s read history', () => {
  const url = () => `/people/${personOf(3).personId}/reads`;
  const caseStream = () => `case-${anKhanhCaseId(3)}`;

  it('lists every read of the person’s records, withholding embargoed ones until the embargo ends', async () => {
    const history = await s.app.inject({
      method: 'GET',
      url: `/cases/${anKhanhCaseId(3)}/history`,
      headers: await police(),
    });
    expect(history.statusCode).toBe(200);
    const investigator = { actor: 'u-dieu-tra', role: 'provincial-police' as const, unit: 'ca-tinh' };
    const access = { role: investigator.role, purpose: 'case-management' as const, inScope: true };
    const read = { kind: 'history' as const, target: caseStream(), scopeUnit: commune };
    await recordRead(
      s.store,
      investigator,
      access,
      { ...read, embargoUntil: '2025-12-31' },
      new Date('2025-11-02T00:00:00Z'),
    );
    await recordRead(
      s.store,
      investigator,
      access,
      { ...read, embargoUntil: '2025-11-02' },
      new Date('2025-10-01T00:00:00Z'),
    );
    const reply = await s.app.inject({
      method: 'GET',
      url: url(),
      headers: await as('procuracy', 'vks-tinh'),
    });
    expect(reply.statusCode, reply.body).toBe(200);
    const body = reply.json<{ reads: Array<Record<string, string>>; withheld: unknown }>();
    expect(body.reads).toContainEqual(
      expect.objectContaining({
        actor: 'u-cong-an-1',
        role: 'commune-police',
        unit: `${commune}/cong-an`,
        purpose: 'case-management',
        target: caseStream(),
      }),
    );
    expect(body.reads).toContainEqual(
      expect.objectContaining({ actor: 'u-dieu-tra', readAt: '2025-10-01T00:00:00.000Z' }),
    );
    expect(body.reads.filter((r) => r.actor === 'u-dieu-tra')).toHaveLength(1);
    expect(body.withheld).toEqual({ count: 1, until: '2025-12-31' });
    expect((await events(`access-${commune}`)).at(-1)).toMatchObject({
      data: { target: `person-${personOf(3).personId}/reads` },
    });
  });

  it('lets the commune police answer the person, and refuses other roles and other areas', async () => {
    expect((await s.app.inject({ method: 'GET', url: url(), headers: await police() })).statusCode).toBe(200);
    const supervisor = await s.app.inject({
      method: 'GET',
      url: url(),
      headers: await as('supervisor', commune, 'u-giup-do-1'),
    });
    expect(supervisor.json()).toMatchObject({ status: 403, code: 'ERR_FORBIDDEN' });
    const foreign = await s.app.inject({
      method: 'GET',
      url: url(),
      headers: await as('procuracy', `${otherProvince}/vks`),
    });
    expect(foreign.json()).toMatchObject({ status: 404, code: 'ERR_NOT_FOUND' });
    const garbage = await s.app.inject({ method: 'GET', url: '/people/%00/reads', headers: await police() });
    expect(garbage.statusCode).toBe(400);
  });
});
