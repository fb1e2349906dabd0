import { describe, expect, it } from 'vitest';
import { inMemoryApp } from './testing/inMemoryApp.js';

const CASE = '0192f5c4-0002-7000-8000-00000000aaaa';
const RECEIVE = `/cases/${CASE}/commands/ReceiveReleaseNotice`;

describe('a request its route’s schema refuses', () => {
  it('is 400 ERR_VALIDATION with the field paths and zod’s Vietnamese words, and writes nothing', async () => {
    const { app, store, token } = await inMemoryApp();
    const reply = await app.inject({
      method: 'POST',
      url: RECEIVE,
      headers: { authorization: `Bearer ${await token('commune-police', 'xa-an-khanh/cong-an')}` },
      payload: { caseId: CASE, releaseDate: 20250901, person: { birthDate: '1980-1' }, nickname: 'x' },
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = reply.json<{
      code: string;
      title: string;
      errors: Array<{ path: string; message: string }>;
    }>();
    expect(problem).toMatchObject({ code: 'ERR_VALIDATION', title: 'Dữ liệu không hợp lệ' });
    const at = (path: string) => problem.errors.find((e) => e.path === path)?.message;
    expect(at('releaseDate')).toMatch(/^Đầu vào không hợp lệ/);
    // The domain's own bilingual message wins over the locale's.
    expect(at('person.birthDate')).toBe(
      'ngày sinh phải có dạng YYYY-MM-DD hoặc YYYY (birth date must be YYYY-MM-DD or YYYY)',
    );
    expect(problem.errors.some((e) => e.message.startsWith('Khóa không được nhận dạng'))).toBe(true);
    expect(await store.headPosition()).toBeNull();
  });

  it('names the query parameter, and a bad header, the same way', async () => {
    const { app, token } = await inMemoryApp();
    const authorization = `Bearer ${await token('commune-police', 'xa-an-khanh/cong-an')}`;
    const history = await app.inject({ url: `/cases/${CASE}/history?limit=0`, headers: { authorization } });
    expect(history.json()).toMatchObject({
      status: 400,
      code: 'ERR_VALIDATION',
      errors: [{ path: 'limit' }],
    });
    const header = await app.inject({
      method: 'POST',
      url: RECEIVE,
      headers: { authorization, 'if-match': 'soon' },
      payload: {},
    });
    expect(header.json()).toMatchObject({ status: 400, code: 'ERR_VALIDATION' });
  });

  it('is refused as unauthenticated first when it carries no token', async () => {
    const { app } = await inMemoryApp();
    const reply = await app.inject({ method: 'POST', url: RECEIVE, payload: { nonsense: true } });
    expect(reply.json()).toMatchObject({ status: 401, code: 'ERR_UNAUTHENTICATED' });
  });
});
