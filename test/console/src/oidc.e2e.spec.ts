import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, screenshot, seriousViolations } from './browser.js';
import { buildConsole, startServe } from './consoleServer.js';
import { AUDIENCE, CLIENT_ID, startOidcProvider } from './oidcProvider.js';

// The console's OpenID Connect sign-in in a real browser, against a real provider and `dacxa serve`.
if (!hasChromium)
  console.log('console OIDC e2e skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)');

const ACCOUNTS = {
  // Invented people: the An Khánh commune police of the demo, and one whose unit dacxa does not know.
  'canbo-an-khanh': { role: 'commune-police', unit: 'xa-an-khanh/cong-an' },
  'canbo-khong-ro': { role: 'commune-police', unit: 'xa-khong-co/cong-an' },
};
const CASE_A = '0192f5c4-0002-7000-8000-000000000001';

describe.skipIf(!hasChromium)('signing in to the console with an OpenID Connect provider', () => {
  let provider: Awaited<ReturnType<typeof startOidcProvider>>;
  let server: Awaited<ReturnType<typeof startServe>>;
  let browser: Browser;
  const cspErrors: string[] = [];

  beforeAll(async () => {
    buildConsole();
    provider = await startOidcProvider(ACCOUNTS);
    server = await startServe({
      DACXA_JWKS_URL: provider.jwksUri,
      DACXA_JWT_ISSUER: provider.issuer,
      DACXA_JWT_AUDIENCE: AUDIENCE,
      DACXA_OIDC_ISSUER: provider.issuer,
      DACXA_OIDC_CLIENT_ID: CLIENT_ID,
      // The demo's organisation tree and cases: seeded with a JWKS too, only its role picker is not offered.
      DACXA_SEED_DEMO: 'true',
      NODE_EXTRA_CA_CERTS: provider.certFile,
    });
    provider.register(`${server.url}/oidc/callback`);
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await provider?.stop();
  });

  /** A fresh browser, as a person opens the console: every URL it asks for and each token it is given. */
  async function visit(): Promise<{ context: BrowserContext; page: Page; urls: string[]; tokens: string[] }> {
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    const urls: string[] = [];
    const tokens: string[] = [];
    context.on('request', (r) => urls.push(r.url()));
    context.on('response', (r) => {
      if (r.url() === `${provider.issuer}/token`)
        void r.json().then((body: { access_token: string }) => tokens.push(body.access_token));
    });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    await page.goto(server.url);
    return { context, page, urls, tokens };
  }

  /** The provider's own pages in the popup: its login form (any password), then its consent. */
  async function signInAt(page: Page, login: string): Promise<void> {
    const popup = page.waitForEvent('popup');
    await page.click('button:has-text("Đăng nhập qua nhà cung cấp định danh")');
    const window = await popup;
    expect(window.url().startsWith(`${provider.issuer}/`)).toBe(true);
    await window.fill('input[name="login"]', login);
    await window.fill('input[name="password"]', 'mat-khau-thu');
    const closed = window.waitForEvent('close');
    await window.click('button[type="submit"]');
    await window.click('button[type="submit"]:has-text("Continue")');
    await closed;
  }

  it('signs the commune police in through the provider, with their commune only and no token in URLs or storage', async () => {
    const { page, urls, tokens } = await visit();
    await page.waitForSelector('button:has-text("Đăng nhập qua nhà cung cấp định danh")');
    expect(await page.locator('[data-person]').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'oidc-sign-in');
    await signInAt(page, 'canbo-an-khanh');
    await page.waitForSelector('[data-live="live"]');
    await page.waitForSelector(`[data-case="${CASE_A}"]`);
    expect(page.url()).toBe(`${server.url}/hom-nay`);
    const board = await page.textContent('main');
    expect(board).toContain('Người Giả Định A');
    expect(board).not.toContain('Người Giả Định K');
    expect(tokens).toHaveLength(1);
    expect(urls.filter((url) => url.includes(tokens[0] ?? '?'))).toEqual([]);
    const stored = await page.evaluate('[localStorage.length, sessionStorage.length, document.cookie]');
    expect(stored).toEqual([0, 0, '']);
  });

  it('refuses a provider’s token for a unit dacxa does not know, saying so in Vietnamese', async () => {
    const { page } = await visit();
    await signInAt(page, 'canbo-khong-ro');
    const alert = await page.waitForSelector('[role="alert"]');
    expect(await alert.textContent()).toContain('Đơn vị trong mã xác thực không có trong cơ cấu tổ chức');
    expect(await page.locator('[data-signed-in]').count()).toBe(0);
  });

  it('talks to the provider within the page’s policy (its origin only)', () => {
    expect(cspErrors).toEqual([]);
  });
});
