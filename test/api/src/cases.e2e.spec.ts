import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startServer } from './startServer.js';

const COMMUNE = 'xa-an-khanh';
const POLICE = `${COMMUNE}/cong-an`;
let clock = new Date('2025-08-29T02:00:00Z');
const [c1, c2, c3, c9] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer(() => clock);
});
afterAll(() => server.stop());

/** An invented person; nobody real. */
const notice = (caseId: string) => ({
  caseId,
  person: {
    personId: randomUUID(),
    fullName: 'Người Giả Định Thử Nghiệm',
    birthDate: '1990',
    idNumber: '001090000001',
  },
  source: 'AMNESTY',
  communeCode: COMMUNE,
  releaseDate: '2025-09-01',
  reportBy: '2025-09-10',
  receivedOn: '2025-08-29',
  notice: { number: '215/TB-TG', date: '2025-08-28' },
});
const arrival = {
  reportedOn: '2025-09-03',
  certificate: { number: '1693-0001/GCN', date: '2025-09-01' },
  reportBy: '2025-09-10',
  minutes: { number: '01/BB-CAX', date: '2025-09-03', form: 'HCD-05' },
  commitmentSigned: true,
};

/** The fields of the replies these tests read: a problem, an append result or a history. */
interface Reply {
  code?: string;
  title?: string;
  errors?: Array<{ path: string; message: string }>;
  revision?: number;
  asOf?: string | null;
  status?: string;
  events?: Array<{ label: string; data: { person?: Record<string, unknown> } }>;
}

const PROBLEM_JSON = expect.stringMatching(/^application\/problem\+json/) as unknown as string;

async function call(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    etag: response.headers.get('etag'),
    body: (await response.json()) as Reply,
  };
}

describe('a case driven through HTTP', () => {
  it('records the notice and the arrival, and replies with the revision to send back', async () => {
    const police = await server.token('commune-police', POLICE);
    clock = new Date('2025-08-29T02:00:00Z');
    const first = await call('POST', `/cases/${c1}/commands/ReceiveReleaseNotice`, police, notice(c1));
    expect(first).toMatchObject({ status: 201, etag: '"0"', body: { revision: 0 } });
    clock = new Date('2025-09-03T02:00:00Z');
    const second = await call('POST', `/cases/${c1}/commands/ReceivePerson`, police, arrival, {
      'if-match': '"0"',
    });
    expect(second).toMatchObject({ status: 201, body: { revision: 1 } });
  });

  it('shows the history in Vietnamese, with what each role may see of the person', async () => {
    const police = await call('GET', `/cases/${c1}/history`, await server.token('commune-police', POLICE));
    expect(police.status).toBe(200);
    expect(police.body.events?.map((e) => e.label)).toEqual([
      'Công an xã nhận thông báo phạm nhân hết thời hạn chấp hành án phạt tù hoặc thông báo về quyết định đặc xá',
      expect.any(String),
    ]);
    expect(police.body.events?.[0]?.data.person).toMatchObject({
      fullName: 'Người Giả Định Thử Nghiệm',
      idNumber: '001090000001',
    });
    // A village head reads only the cases of their own village: no residence is verified here yet.
    const villageHead = await call(
      'GET',
      `/cases/${c1}/history`,
      await server.token('village-head', `${COMMUNE}/thon-3`),
    );
    expect(villageHead.status).toBe(404);
  });

  it('shows the case as it stood on an earlier date', async () => {
    const police = await server.token('commune-police', POLICE);
    const before = await call('GET', `/cases/${c1}/history?asOf=2025-09-01`, police);
    expect(before.body).toMatchObject({ asOf: '2025-09-01', revision: 0 });
    expect(before.body.events).toHaveLength(1);
    const after = await call('GET', `/cases/${c1}/history`, police);
    expect(after.body.status).not.toBe(before.body.status);
  });

  it('answers another commune as if the case did not exist, and keeps the refusal in the log', async () => {
    const other = await call(
      'GET',
      `/cases/${c1}/history`,
      await server.token('commune-police', 'xa-minh-hoa/cong-an'),
    );
    expect(other).toMatchObject({
      status: 404,
      type: PROBLEM_JSON,
      body: { code: 'ERR_NOT_FOUND' },
    });
    const missing = await call(
      'GET',
      `/cases/${randomUUID()}/history`,
      await server.token('commune-police', 'xa-minh-hoa/cong-an'),
    );
    // Alike but for `instance`, which names each request.
    expect({ ...missing.body, instance: null }).toEqual({ ...other.body, instance: null });
    expect(other.body.events).toBeUndefined();
    const refusal = server.logLines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find(
        (l) =>
          l.msg === 'access refused' &&
          (l.caller as { unit?: string } | undefined)?.unit === 'xa-minh-hoa/cong-an',
      );
    expect(refusal).toMatchObject({
      code: 'ERR_NOT_FOUND',
      caller: { role: 'commune-police', unit: 'xa-minh-hoa/cong-an' },
    });
  });

  it('never writes a token or a person’s name or ID number to the log', () => {
    const log = server.logLines.join('');
    expect(log).not.toMatch(/Bearer|eyJ/);
    expect(log).not.toContain('Người Giả Định');
    expect(log).not.toContain('001090000001');
  });

  it('refuses a stale revision with 412 and writes nothing', async () => {
    const police = await server.token('commune-police', POLICE);
    const stale = await call('POST', `/cases/${c1}/commands/ReceivePerson`, police, arrival, {
      'if-match': '"0"',
    });
    expect(stale).toMatchObject({ status: 412, body: { code: 'ERR_CONFLICT' } });
    expect((await call('GET', `/cases/${c1}/history`, police)).body.revision).toBe(1);
  });

  it('answers a retry with the same Idempotency-Key with the first result, recording once', async () => {
    const police = await server.token('commune-police', POLICE);
    const path = `/cases/${c3}/commands/ReceiveReleaseNotice`;
    const body = notice(c3);
    const first = await call('POST', path, police, body, { 'idempotency-key': 'retry-1' });
    const retry = await call('POST', path, police, body, { 'idempotency-key': 'retry-1' });
    expect(retry).toMatchObject({ status: 201, body: first.body });
    expect((await call('GET', `/cases/${c3}/history`, police)).body.events).toHaveLength(1);
    // The key is bound to what was sent: another body under it is refused, never answered with the first.
    const altered = await call('POST', path, police, notice(c3), { 'idempotency-key': 'retry-1' });
    expect(altered).toMatchObject({ status: 422, body: { code: 'ERR_IDEMPOTENCY_KEY_REUSED' } });
    const fresh = await call('POST', path, police, notice(c3), { 'idempotency-key': 'retry-2' });
    expect(fresh).toMatchObject({ status: 409, body: { code: 'ERR_ILLEGAL_STATE' } });
  });

  it('refuses a role the law does not give the act, citing the rule', async () => {
    const bank = await call(
      'POST',
      `/cases/${c2}/commands/ReceiveReleaseNotice`,
      await server.token('vbsp', COMMUNE),
      notice(c2),
    );
    expect(bank).toMatchObject({ status: 403, body: { code: 'ERR_FORBIDDEN' } });
    expect(bank.body.title).toMatch(/\p{L}/u);
  });
});

describe('bad requests are clear 4xx replies with nothing written', () => {
  const missing = async () =>
    (await call('GET', `/cases/${c9}/history`, await server.token('commune-police', POLICE))).status;

  it('without a token, with a forged or expired one, or one claiming the system role', async () => {
    const forged = (await server.token('commune-police', POLICE)).slice(0, -4) + 'AAAA';
    const expired = await server.token('commune-police', POLICE, '-1m');
    const system = await server.token('system', POLICE);
    for (const token of [undefined, forged, system]) {
      expect(
        await call('POST', `/cases/${c9}/commands/ReceiveReleaseNotice`, token, notice(c9)),
      ).toMatchObject({ status: 401, body: { code: 'ERR_UNAUTHENTICATED' } });
    }
    expect(
      await call('POST', `/cases/${c9}/commands/ReceiveReleaseNotice`, expired, notice(c9)),
    ).toMatchObject({
      status: 401,
      body: { code: 'ERR_TOKEN_EXPIRED', title: 'Phiên đăng nhập đã hết hạn' },
    });
    expect(await missing()).toBe(404);
  });

  it('for broken JSON, wrong types, unknown fields and a 10 MB body', async () => {
    const police = await server.token('commune-police', POLICE);
    const path = `/cases/${c9}/commands/ReceiveReleaseNotice`;
    expect((await call('POST', path, police, '{"caseId": ')).status).toBe(400);
    const wrong = await call('POST', path, police, { ...notice(c9), releaseDate: 20250901 });
    expect(wrong).toMatchObject({
      status: 400,
      body: { code: 'ERR_VALIDATION', title: 'Dữ liệu không hợp lệ' },
    });
    expect(wrong.body.errors).toContainEqual(expect.objectContaining({ path: 'releaseDate' }));
    const elsewhere = await call('POST', path, police, notice(c1));
    expect(elsewhere).toMatchObject({ status: 400, body: { code: 'ERR_ID_MISMATCH' } });
    const extra = await call('POST', path, police, { ...notice(c9), nickname: 'x' });
    expect(extra).toMatchObject({ status: 400, body: { code: 'ERR_VALIDATION' } });
    const huge = await call('POST', path, police, { ...notice(c9), padding: 'x'.repeat(10 * 1024 * 1024) });
    expect(huge).toMatchObject({ status: 413, body: { title: 'Dữ liệu gửi lên quá lớn' } });
    expect(await missing()).toBe(404);
  });

  it('answers an unknown route with problem+json', async () => {
    const unknown = await call('GET', '/no-such-route');
    expect(unknown).toMatchObject({
      status: 404,
      type: PROBLEM_JSON,
    });
  });
});

describe('the commune case-file board', () => {
  interface Board {
    code?: string;
    items?: Array<{ caseId: string; status: string; person: { fullName?: unknown; idNumber?: unknown } }>;
    next?: string | null;
  }
  const board = async (token: string, query: string) => {
    const response = await fetch(`${server.url}/views/case-files?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: (await response.json()) as Board };
  };

  it('shows a case just written (minPosition), opened for the role that reads it', async () => {
    const police = await server.token('commune-police', POLICE);
    const caseId = randomUUID();
    clock = new Date('2025-10-01T02:00:00Z');
    const written = await call(
      'POST',
      `/cases/${caseId}/commands/ReceiveReleaseNotice`,
      police,
      notice(caseId),
    );
    const position = (written.body as { position?: string }).position ?? '';
    const seen = await board(police, `unit=${COMMUNE}&status=expected&minPosition=${position}`);
    expect(seen.status).toBe(200);
    expect(seen.body.items?.find((i) => i.caseId === caseId)?.person).toMatchObject({
      fullName: 'Người Giả Định Thử Nghiệm',
      idNumber: '001090000001',
    });
    // A village head's board holds only their village's cases; this one has no verified residence.
    const villageHead = await board(await server.token('village-head', `${COMMUNE}/thon-3`), '');
    expect(villageHead.status).toBe(200);
    expect(villageHead.body.items?.find((i) => i.caseId === caseId)).toBeUndefined();
  });

  it('pages with a cursor, and keeps other communes out', async () => {
    const police = await server.token('commune-police', POLICE);
    const first = await board(police, `unit=${COMMUNE}&limit=1`);
    expect(first.body.items).toHaveLength(1);
    const second = await board(police, `unit=${COMMUNE}&limit=1&cursor=${first.body.next ?? ''}`);
    expect(second.body.items?.[0]?.caseId).not.toBe(first.body.items?.[0]?.caseId);
    const other = await board(await server.token('commune-police', 'xa-minh-hoa/cong-an'), `unit=${COMMUNE}`);
    expect(other).toMatchObject({ status: 403, body: { code: 'ERR_FORBIDDEN' } });
  });

  it('answers at once, with a clear body, when asked to wait for a position the log does not hold', async () => {
    const police = await server.token('commune-police', POLICE);
    const ahead = await board(police, `unit=${COMMUNE}&minPosition=999999999`);
    expect(ahead.status).toBe(400);
    expect(ahead.body).toMatchObject({ code: 'ERR_POSITION_AHEAD', title: 'Vị trí vượt quá nhật ký' });
  }, 15_000);
});

describe('the API documentation', () => {
  it('describes every command of every aggregate from the schema that validates it, with Vietnamese summaries', async () => {
    const response = await fetch(`${server.url}/docs/openapi.json`);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<
        string,
        {
          post?: {
            summary: string;
            requestBody: {
              content: Record<
                string,
                { schema: { properties: Record<string, unknown>; additionalProperties?: boolean } }
              >;
            };
          };
        }
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    const receive = doc.paths['/cases/{id}/commands/ReceiveReleaseNotice']?.post;
    expect(receive?.summary).toBe('Tiếp nhận thông báo trả tự do/đặc xá');
    const schema = receive?.requestBody.content['application/json']?.schema;
    expect(Object.keys(schema?.properties ?? {})).toEqual(
      expect.arrayContaining(['caseId', 'person', 'releaseDate']),
    );
    expect(schema?.additionalProperties).toBe(false);
    for (const path of [
      '/plans/{id}/commands/IssuePlan',
      '/tasks/{id}/commands/CompleteTask',
      '/reports/{id}/commands/SubmitReport',
      '/rounds/{id}/commands/RecordRoundDecision',
      '/dossiers/{id}/commands/SubmitPetition',
      '/org-units/commands/EstablishOrgUnit',
    ])
      expect(doc.paths[path]?.post?.summary, path).toMatch(/\p{L}/u);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/views/tasks',
        '/views/dossiers',
        '/cases/{id}/timeline',
        '/rounds/{id}/history',
      ]),
    );
    const page = await (await fetch(`${server.url}/docs`)).text();
    expect(page).toContain('Tiếp nhận thông báo trả tự do/đặc xá');
  });
});
