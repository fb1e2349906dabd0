import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (`npx playwright install` cannot download a browser here). */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * axe-core's serious and critical violations on the page as it stands. The page's CSP refuses an
 * injected inline <script> (page.addScriptTag), as it must: axe's source is evaluated through the
 * DevTools protocol instead, which the page's policy does not govern.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate<Array<{ id: string; impact: string; count: number }>>(
    'axe.run().then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length })))',
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.count})`);
}

const SHOTS = fileURLToPath(new URL('../../../docs/console/', import.meta.url));

/** A screenshot for docs/console.md. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}
