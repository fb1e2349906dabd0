import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, screenshot, seriousViolations } from './browser.js';
import { consoleSuite } from './consoleSuite.js';

// The statistics page (issue 17's pictures) in a real browser against `dacxa serve` with the demo.
if (!hasChromium)
  console.log('statistics e2e skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)');

const CASE_A = '0192f5c4-0002-7000-8000-000000000001';
const FIGURES = ['deadlines', 'reoffending', 'caseload'] as const;

describe.skipIf(!hasChromium)('the statistics page', () => {
  const suite = consoleSuite();
  const { cspErrors } = suite;

  /**
   * Signs in from the role picker and opens Thống kê from the header's links, as a person would; or,
   * `byLink: false`, first checks no link offers it and types its address, without a reload (the
   * session lives in memory).
   */
  async function openStatistics(person: string, { live = true, byLink = true } = {}): Promise<Page> {
    const page = await suite.signIn(person);
    if (byLink) await page.click('nav a[href="/thong-ke"]');
    else {
      expect(await page.locator('nav a[href="/thong-ke"]').count()).toBe(0);
      await page.evaluate(
        "history.pushState(null, '', '/thong-ke'); dispatchEvent(new PopStateEvent('popstate'))",
      );
    }
    await page.waitForSelector('h1:text("Thống kê")');
    if (live) await page.waitForSelector('[data-live="live"]');
    return page;
  }
  const stamp = async (page: Page, figure: string) =>
    Number(await page.textContent(`[data-figure="${figure}"] [data-chart-position]`));

  const tokenOf = (person: string) => suite.tokenOf(person);

  it('shows the commune police the three figures, each with the log position it reflects', async () => {
    const page = await openStatistics('cong-an-xa');
    for (const figure of FIGURES) {
      await page.waitForSelector(`[data-figure="${figure}"] canvas`);
      await expect.poll(() => stamp(page, figure)).toBeGreaterThan(0);
      expect(await page.textContent(`[data-figure="${figure}"] .stamp`)).toMatch(
        /^Số liệu đến vị trí #\d+ của nhật ký$/,
      );
    }
    // Months as mm/yyyy, An Khánh by its name, the reoffending rate in the table.
    const months = await page.locator('[data-figure="deadlines"] tbody th').allTextContents();
    expect(months.length).toBeGreaterThan(0);
    for (const month of months) expect(month).toMatch(/^\d{2}\/\d{4}$/);
    expect(await page.textContent('[data-figure="caseload"] tbody')).toContain('Xã An Khánh');
    expect(await page.textContent('[data-figure="reoffending"] tbody')).toMatch(/\d+(,\d)? %/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'statistics');
  });

  it('changes a figure live when a command is recorded: its stamp advances', async () => {
    const page = await openStatistics('cong-an-xa');
    await page.waitForSelector('[data-figure="caseload"] canvas');
    const before = await stamp(page, 'caseload');
    // The An Khánh row's cells: groups A, B, C, D, unclassified, total.
    const row = async () =>
      (await page.locator('[data-figure="caseload"] tbody tr td').allTextContents()).map(Number);
    const [, , groupC = 0] = await row();
    const reply = await fetch(`${suite.server.url}/cases/${CASE_A}/commands/ClassifyPerson`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tokenOf('cong-an-xa')}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({ group: 'C', quarter: '2025-Q4', classifiedOn: '2025-12-31' }),
    });
    expect(reply.status, await reply.clone().text()).toBe(201);
    const { position } = (await reply.json()) as { position: string };
    await expect
      .poll(() => stamp(page, 'caseload'), { timeout: 5000 })
      .toBeGreaterThanOrEqual(Number(position));
    expect(await stamp(page, 'caseload')).toBeGreaterThan(before);
    // The demo has not put case A in group C: the figure now counts it there.
    expect((await row())[2]).toBe(groupC + 1);
  });

  it('shows another province’s police none of An Khánh’s figures', async () => {
    const page = await openStatistics('cong-an-xa-khac');
    await page.waitForSelector('[data-figure="caseload"]');
    await expect.poll(() => stamp(page, 'caseload')).toBeGreaterThan(0);
    expect(await page.textContent('main')).not.toContain('Xã An Khánh');
    expect(await page.textContent('main')).not.toContain('xa-an-khanh');
  });

  it('shows the provincial police every commune of its province, by name, and none of another', async () => {
    const page = await openStatistics('cong-an-tinh');
    await page.waitForSelector('[data-figure="caseload"] canvas');
    await expect.poll(() => page.textContent('[data-figure="caseload"] tbody')).toContain('Xã An Khánh');
    expect(await page.locator('[data-figure="caseload"] tbody tr').count()).toBeGreaterThan(1);
    expect(await page.textContent('main')).not.toContain('Thí Điểm');
  });

  it('offers the sub-committee no statistics link, and tells it in Vietnamese if it types the address', async () => {
    const page = await openStatistics('tieu-ban', { live: false, byLink: false });
    await page.waitForSelector('[role="alert"]');
    expect(await page.textContent('[role="alert"]')).toContain('Bạn không xem được số liệu này');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('broke no rule of the strict CSP', () => {
    expect(cspErrors).toEqual([]);
  });
});
