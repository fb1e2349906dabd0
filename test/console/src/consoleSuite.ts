import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser.js';
import { buildConsole, startServe } from './consoleServer.js';

type Served = Awaited<ReturnType<typeof startServe>>;

/**
 * What a console suite runs on: the page built, `dacxa serve` with the demo on 127.0.0.1 and a
 * headless Chromium, started before the suite and stopped after it; pages in Vietnamese and in
 * Vietnam's time zone, each reporting the CSP refusals it meets.
 */
export function consoleSuite() {
  let served: Served | undefined;
  let browser: Browser | undefined;
  const cspErrors: string[] = [];
  beforeAll(async () => {
    buildConsole();
    served = await startServe();
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });
  const running = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the suite has not started');
    return value;
  };
  return {
    cspErrors,
    get server(): Served {
      return running(served);
    },
    get browser(): Browser {
      return running(browser);
    },
    /** A page in a fresh browser context: nothing cached, no session. */
    async newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
      const context = await running(browser).newContext({
        viewport,
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
      });
      const page = await context.newPage();
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
      });
      return page;
    },
    /** Signed in as `person` from the demo's role picker, as a person would. */
    async signIn(person: string, viewport?: { width: number; height: number }): Promise<Page> {
      const page = await this.newPage(viewport);
      await page.goto(running(served).url);
      await page.click(`[data-person="${person}"]`);
      await page.waitForSelector('[data-signed-in]');
      return page;
    },
    /** The token the role picker's sign-in gives `person`, for a command sent through the API. */
    async tokenOf(person: string): Promise<string> {
      const reply = await fetch(`${running(served).url}/console/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ person }),
      });
      return ((await reply.json()) as { token: string }).token;
    },
  };
}
