import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, screenshot, seriousViolations } from './browser.js';
import { consoleSuite } from './consoleSuite.js';

// The corrections inbox (four eyes) in a real browser against `dacxa serve` with the demo seeded.
if (!hasChromium)
  console.log('corrections e2e skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)');

const CASE_A = '0192f5c4-0002-7000-8000-000000000001';
const NEW_NUMBER = '999/TB-TG';

describe.skipIf(!hasChromium)('the corrections inbox', () => {
  const suite = consoleSuite();
  const correctionId = randomUUID();
  let oldNumber = '';

  const tokenOf = (person: string) => suite.tokenOf(person);
  const api = async (person: string, path: string, body?: unknown) =>
    fetch(`${suite.server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${await tokenOf(person)}`,
        ...(body === undefined
          ? {}
          : { 'content-type': 'application/json', 'idempotency-key': randomUUID() }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  /** Signs in from the role picker and opens the inbox from the header's links, as a person would. */
  async function openInbox(person: string, byLink = true): Promise<Page> {
    const page = await suite.signIn(person);
    if (byLink) await page.click('nav a[href="/dinh-chinh"]');
    // No link for this role: the address typed, without a reload (the session lives in memory).
    else
      await page.evaluate(
        "history.pushState(null, '', '/dinh-chinh'); dispatchEvent(new PopStateEvent('popstate'))",
      );
    await page.waitForSelector('h1:text("Hộp thư đính chính")');
    await page.waitForSelector('[data-live="live"]');
    return page;
  }
  const pending = `[data-list="pending"] [data-correction="${correctionId}"]`;

  it('shows the chair, live, what the commune police proposed: old → new, who and when', async () => {
    const chair = await openInbox('chu-tich-xa');
    expect(await chair.getAttribute('html', 'lang')).toBe('vi');
    const history = await api('cong-an-xa', `/cases/${CASE_A}/history?limit=1`);
    const first = ((await history.json()) as { events: Array<{ data: { notice: { number: string } } }> })
      .events[0];
    oldNumber = first?.data.notice.number ?? '';
    expect(oldNumber).toMatch(/TB-TG/);
    const proposed = await api('cong-an-xa', `/corrections/${correctionId}/commands/ProposeCorrection`, {
      correctionId,
      target: { kind: 'case', id: CASE_A, revision: 0 },
      action: 'correct',
      changes: [{ path: ['notice', 'number'], value: NEW_NUMBER }],
      reason: 'Ghi nhầm số thông báo',
    });
    expect(proposed.status).toBe(201);
    await chair.waitForSelector(pending);
    await chair.waitForSelector(`${pending} [data-old]:text("${oldNumber}")`);
    expect(await chair.textContent(`${pending} [data-new]`)).toBe(NEW_NUMBER);
    const text = await chair.textContent(pending);
    expect(text).toContain('dev-commune-police');
    expect(text).toMatch(/lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(await chair.locator(`${pending} button:text-is("Phê duyệt")`).count()).toBe(1);
    expect(await seriousViolations(chair)).toEqual([]);
    await screenshot(chair, 'corrections');
  });

  it('shows the proposer their own proposal waiting for someone else, with no approve button', async () => {
    const police = await openInbox('cong-an-xa');
    await police.waitForSelector(pending);
    expect(await police.textContent(`${pending} [data-four-eyes]`)).toBe('Chờ người khác phê duyệt');
    expect(await police.locator(`${pending} button:text-is("Phê duyệt")`).count()).toBe(0);
    expect(await seriousViolations(police)).toEqual([]);
  });

  it('shows the server’s refusal in Vietnamese: the commune’s Front does not approve', async () => {
    const front = await openInbox('mat-tran', false);
    await front.click(`${pending} button:text-is("Phê duyệt")`);
    const alert = await front.waitForSelector(`${pending} [role="alert"]`);
    expect(await alert.textContent()).toMatch(/không phê duyệt đính chính.*\(ERR_FORBIDDEN\)/);
  });

  it('lets the chair approve it by keyboard; it leaves the pending list for the decided one', async () => {
    const chair = await openInbox('chu-tich-xa');
    await chair.waitForSelector(pending);
    await chair.focus(`${pending} button:text-is("Phê duyệt")`);
    await chair.keyboard.press('Enter');
    await chair.waitForSelector(pending, { state: 'detached' });
    await chair.waitForSelector('[role="status"]:text("Đã phê duyệt đề nghị đính chính.")');
    // Collapsed until asked for.
    expect(await chair.isVisible(`[data-list="decided"] [data-correction="${correctionId}"]`)).toBe(false);
    await chair.click('summary');
    const row = await chair.textContent(`[data-list="decided"] [data-correction="${correctionId}"]`);
    expect(row).toContain('Đã phê duyệt');
    expect(row).toContain('Bạn');
    // The case's history now reads corrected.
    const history = await api('cong-an-xa', `/cases/${CASE_A}/history?limit=1`);
    const first = ((await history.json()) as { events: Array<{ data: { notice: { number: string } } }> })
      .events[0];
    expect(first?.data.notice.number).toBe(NEW_NUMBER);
  });

  it('asks a reason before rejecting, in a labelled field', async () => {
    const id = randomUUID();
    const proposed = await api('cong-an-xa', `/corrections/${id}/commands/ProposeCorrection`, {
      correctionId: id,
      target: { kind: 'case', id: CASE_A, revision: 0 },
      action: 'correct',
      changes: [{ path: ['notice', 'number'], value: oldNumber }],
      reason: 'Trả lại số cũ',
    });
    expect(proposed.status).toBe(201);
    const chair = await openInbox('chu-tich-xa');
    const card = `[data-list="pending"] [data-correction="${id}"]`;
    await chair.click(`${card} button:text-is("Từ chối")`);
    await chair.getByLabel('Lý do từ chối').fill('Số đã đính chính là đúng');
    await chair.click(`${card} button:text-is("Gửi từ chối")`);
    await chair.waitForSelector(card, { state: 'detached' });
    await chair.click('summary');
    expect(await chair.textContent(`[data-list="decided"] [data-correction="${id}"]`)).toContain(
      'Đã từ chối: Số đã đính chính là đúng',
    );
    expect(await seriousViolations(chair)).toEqual([]);
  });
});
