import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipParts } from '@dacxa/reports';
import { seededApp } from './testing/seededApp.js';

let fixture: Awaited<ReturnType<typeof seededApp>>;
let chair: string;
beforeAll(async () => {
  fixture = await seededApp();
  chair = await fixture.token('commune-chair', 'xa-an-khanh');
}, 60_000);
afterAll(() => fixture.close());

const get = (url: string, token: string) =>
  fixture.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

async function readsRecorded(): Promise<number> {
  let n = 0;
  for await (const e of fixture.store.readAll())
    if (e.type === 'RecordsRead' && String((e.data as { target: string }).target).startsWith('reports/')) n++;
  return n;
}

describe('GET /reports', () => {
  it('lists the report kinds for a signed-in caller, and nothing without a token', async () => {
    const listed = await get('/reports', chair);
    expect(listed.statusCode).toBe(200);
    expect(listed.json<{ items: Array<{ id: string }> }>().items.map((r) => r.id)).toEqual([
      'hcd-13',
      'hcd-12',
      'hcd-09',
      'mau-01',
      'ke-hoach-13-muc-iv',
      'tong-ket-dot-dac-xa',
    ]);
    expect((await fixture.app.inject({ method: 'GET', url: '/reports' })).statusCode).toBe(401);
  });
});

describe('GET /reports/:id', () => {
  it('serves the commune’s HCD-13 at the head, with the position in a header and the read recorded', async () => {
    const before = await readsRecorded();
    const head = (await fixture.store.headPosition()) ?? 0n;
    const reply = await get('/reports/hcd-13?unit=xa-an-khanh&period=2025', chair);
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['x-dacxa-position']).toBe(head.toString());
    const data = reply.json<{
      position: string;
      byArea: Array<{ code: string }>;
      total: { managed: number };
    }>();
    expect(data.position).toBe(head.toString());
    expect(data.byArea.map((a) => a.code)).toEqual(['xa-an-khanh']);
    expect(JSON.stringify(data)).not.toContain('xa-thi-diem');
    expect(data.total.managed).toBeGreaterThan(0);
    expect(await readsRecorded()).toBe(before + 1);
  });

  it('gives the same figures again at a stated position, and the earlier figures at an earlier one', async () => {
    const first = await get('/reports/hcd-13?unit=xa-an-khanh&period=2025', chair);
    const at = String(first.headers['x-dacxa-position']);
    const again = await get(`/reports/hcd-13?unit=xa-an-khanh&period=2025&at=${at}`, chair);
    expect(again.body).toBe(first.body);
    const early = await get('/reports/hcd-13?unit=xa-an-khanh&period=2025&at=60', chair);
    expect(early.statusCode).toBe(200);
    expect(early.body).not.toBe(first.body);
    expect(early.json<{ position: string }>().position).toBe('60');
  });

  it('serves a .docx with the stamp, for the plan report too', async () => {
    const reply = await get('/reports/ke-hoach-13-muc-iv?unit=xa-an-khanh&period=2025-Q3&format=docx', chair);
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toContain('wordprocessingml');
    const xml = (await readZipParts(reply.rawPayload)).get('word/document.xml') ?? '';
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain(`vị trí ${String(reply.headers['x-dacxa-position'])}`);
    expect(xml).toContain('13/KH-UBND');
  });

  it('signs “KT. CHỦ TỊCH / PHÓ CHỦ TỊCH” when a deputy chair asks, “TM. ỦY BAN NHÂN DÂN” for the chair', async () => {
    const deputy = await fixture.token('commune-deputy-chair', 'xa-an-khanh');
    const signed = async (token: string) => {
      const reply = await get('/reports/hcd-13?unit=xa-an-khanh&period=2025&format=docx', token);
      expect(reply.statusCode, reply.body).toBe(200);
      return (await readZipParts(reply.rawPayload)).get('word/document.xml') ?? '';
    };
    expect(await signed(deputy)).toContain('KT. CHỦ TỊCH');
    const chairs = await signed(chair);
    expect(chairs).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(chairs).not.toContain('KT. CHỦ TỊCH');
  });

  it('refuses another commune’s report as it refuses its records, and a supervisor’s commune-wide one', async () => {
    const other = await fixture.token('commune-chair', 'xa-thi-diem');
    expect((await get('/reports/hcd-13?unit=xa-an-khanh&period=2025', other)).statusCode).toBe(403);
    expect((await get('/reports/hcd-13?unit=tp-hai-phong&period=2025', other)).statusCode).toBe(403);
    const supervisor = await fixture.token('supervisor', 'xa-an-khanh', 'u-giup-do-1');
    expect((await get('/reports/hcd-13?unit=xa-an-khanh&period=2025', supervisor)).statusCode).toBe(403);
    expect((await get('/reports/hcd-13?unit=khong-co&period=2025', chair)).statusCode).toBe(404);
  });

  it('gives the province its communes, each a row, and only its own', async () => {
    const province = await fixture.token('provincial-police', 'ca-tinh');
    const reply = await get('/reports/hcd-13?unit=tp-hai-phong&period=2025', province);
    expect(reply.statusCode).toBe(200);
    const codes = reply.json<{ byArea: Array<{ code: string }> }>().byArea.map((a) => a.code);
    expect(codes).toContain('xa-an-khanh');
    expect(codes).not.toContain('xa-thi-diem');
  });

  it('makes the monthly HCD-12 for a month, by default the latest complete one, and refuses a 13th month', async () => {
    const september = await get('/reports/hcd-12?unit=xa-an-khanh&period=2025-09', chair);
    expect(september.statusCode, september.body).toBe(200);
    expect(september.json<{ period: { code: string } }>().period.code).toBe('2025-09');
    const latest = await get('/reports/hcd-12?unit=xa-an-khanh', chair);
    expect(latest.statusCode, latest.body).toBe(200);
    expect(latest.json<{ period: { code: string } }>().period.code).toMatch(/^\d{4}-\d{2}$/);
    expect((await get('/reports/hcd-12?unit=xa-an-khanh&period=2025-13', chair)).statusCode).toBe(400);
  });

  it('gives the round summary to the province’s amnesty bodies, never to a commune', async () => {
    const refused = await get('/reports/tong-ket-dot-dac-xa?unit=xa-an-khanh&period=2025', chair);
    expect(refused.statusCode).toBe(403);
    const province = await fixture.token('amnesty-subcommittee', 'ca-tinh');
    const summary = await get('/reports/tong-ket-dot-dac-xa?unit=tp-hai-phong&period=2024', province);
    expect(summary.statusCode, summary.body).toBe(200);
    expect(JSON.stringify(summary.json())).not.toContain('xa-thi-diem');
  });

  it('answers 400 to a position beyond the head and to garbage, 404 to an unknown report', async () => {
    const head = (await fixture.store.headPosition()) ?? 0n;
    const ahead = await get(`/reports/hcd-13?unit=xa-an-khanh&period=2025&at=${head + 1000n}`, chair);
    expect(ahead.statusCode).toBe(400);
    expect(ahead.json<{ code: string }>().code).toBe('ERR_POSITION_AHEAD');
    for (const bad of ['at=-1', 'at=abc', 'at=0', 'period=2025-Q5', 'format=pdf', 'nonsense=1'])
      expect((await get(`/reports/hcd-13?unit=xa-an-khanh&${bad}`, chair)).statusCode, bad).toBe(400);
    expect((await get('/reports/hcd-99', chair)).statusCode).toBe(404);
    expect((await get('/reports/__proto__', chair)).statusCode).toBe(404);
  });
});

describe('a report submitted as dacxa generated it (issue 16)', () => {
  it('stores the file’s SHA-256 and position, and the same query gives the same bytes to an inspector', async () => {
    const police = await fixture.token('commune-police', 'xa-an-khanh/cong-an');
    const made = await get('/reports/hcd-12?unit=xa-an-khanh&period=2025-09&format=docx', chair);
    expect(made.statusCode).toBe(200);
    const sha256 = String(made.headers['x-dacxa-sha256']);
    const position = String(made.headers['x-dacxa-position']);
    const generatedAt = String(made.headers['x-dacxa-generated-at']);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(createHash('sha256').update(made.rawPayload).digest('hex')).toBe(sha256);

    // The commune police asks itself for nothing: the city requests, the police submits with the file's facts.
    const reportId = '0192f5c4-0000-7000-8000-00000000f016';
    const cityPolice = await fixture.token('provincial-police', 'ca-tinh');
    const requested = await fixture.app.inject({
      method: 'POST',
      url: `/reports/${reportId}/commands/RequestReport`,
      headers: { authorization: `Bearer ${cityPolice}` },
      payload: {
        reportId,
        template: 'HCD-12',
        period: '2025-09',
        reportingUnit: 'xa-an-khanh/cong-an',
        recipientUnit: 'ca-tinh',
        dueDate: '2025-10-05',
        requestedOn: '2025-09-01',
      },
    });
    expect(requested.statusCode).toBe(201);
    const file = {
      report: 'hcd-12',
      unit: 'xa-an-khanh',
      period: '2025-09',
      format: 'docx',
      position,
      generatedAt,
      signer: 'chair',
      sha256,
    };
    const submitted = await fixture.app.inject({
      method: 'POST',
      url: `/reports/${reportId}/commands/SubmitReport`,
      headers: { authorization: `Bearer ${police}`, 'if-match': '0' },
      payload: { submittedOn: '2025-10-03', document: { number: '12/BC-CAX', date: '2025-10-03' }, file },
    });
    expect(submitted.statusCode).toBe(201);
    let stored: unknown;
    for await (const e of fixture.store.readStream(`report-${reportId}`))
      if (e.type === 'ReportSubmitted') stored = e.data;
    expect(stored).toMatchObject({ file });

    // Later, with more recorded since: the file's own facts give its bytes again.
    const again = await get(
      `/reports/hcd-12?unit=xa-an-khanh&period=2025-09&format=docx&at=${position}&generatedAt=${encodeURIComponent(generatedAt)}&signer=chair`,
      await fixture.token('procuracy', 'vks-tinh'),
    );
    expect(again.statusCode).toBe(200);
    expect(again.headers['x-dacxa-sha256']).toBe(sha256);
    expect(Buffer.compare(again.rawPayload, made.rawPayload)).toBe(0);
  });

  it('refuses a generation time in the future and a file fact that is not a hash', async () => {
    const future = await get(
      '/reports/hcd-12?unit=xa-an-khanh&period=2025-09&generatedAt=2099-01-01T00:00:00Z',
      chair,
    );
    expect(future.json<{ code: string }>().code).toBe('ERR_OCCURRED_IN_FUTURE');
    const police = await fixture.token('commune-police', 'xa-an-khanh/cong-an');
    const bad = await fixture.app.inject({
      method: 'POST',
      url: '/reports/0192f5c4-0000-7000-8000-00000000f017/commands/SubmitReport',
      headers: { authorization: `Bearer ${police}` },
      payload: {
        submittedOn: '2025-10-03',
        document: { number: '12/BC-CAX', date: '2025-10-03' },
        file: {
          report: 'hcd-12',
          unit: 'x',
          period: '2025-09',
          format: 'docx',
          position: '1',
          generatedAt: '2025-10-03T00:00:00Z',
          signer: 'chair',
          sha256: 'nope',
        },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('sha256');
  });
});

describe('Mẫu 01, the monthly loan list for VBSP (QĐ 22), the one report with names', () => {
  const url = '/reports/mau-01?unit=xa-an-khanh&period=2025-10';
  type Mau01 = {
    count: number;
    named: number;
    rows: Array<{ person: { fullName: string } | null; caseId: string }>;
  };

  it('names the people on the commune police’s list for those whose role may, and logs each read', async () => {
    const police = await fixture.token('commune-police', 'xa-an-khanh/cong-an');
    let before = 0;
    for await (const e of fixture.store.readAll())
      if (
        e.type === 'RecordsRead' &&
        String((e.data as { target: string }).target).endsWith('/reports/mau-01')
      )
        before++;
    const reply = await get(url, police);
    expect(reply.statusCode).toBe(200);
    const data = reply.json<Mau01>();
    expect(data.count).toBeGreaterThan(0);
    expect(data.named).toBe(data.count);
    expect(data.rows[0]?.person?.fullName).toMatch(/\S/);
    let after = 0;
    for await (const e of fixture.store.readAll())
      if (
        e.type === 'RecordsRead' &&
        String((e.data as { target: string }).target).endsWith('/reports/mau-01')
      )
        after++;
    expect(after - before).toBe(data.named);

    const docx = await get(`${url}&format=docx`, police);
    const text = (await readZipParts(docx.rawPayload)).get('word/document.xml') ?? '';
    expect(text).toContain(data.rows[0]?.person?.fullName ?? '?');
    expect(text).toContain('Mẫu 01');
  });

  it('withholds the names from the procuracy, which oversees but does not lend', async () => {
    const reply = await get(url, await fixture.token('procuracy', 'vks-tinh'));
    expect(reply.statusCode).toBe(200);
    const data = reply.json<Mau01>();
    expect(data.count).toBeGreaterThan(0);
    expect(data.named).toBe(0);
    expect(data.rows.every((r) => r.person === null)).toBe(true);
  });

  it('refuses another commune’s list and lists nothing of An Khánh for another commune', async () => {
    const other = await fixture.token('commune-police', 'xa-minh-hoa/cong-an');
    expect((await get(url, other)).statusCode).toBe(403);
    const own = await get('/reports/mau-01?unit=xa-minh-hoa&period=2025-10', other);
    expect(own.json<Mau01>().count).toBe(0);
  });
});
