import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../src/browser.js';
import { buildConsole, startServe } from '../src/consoleServer.js';

// First page interactive over loopback, and the JavaScript sent, each beside a baseline of the same run.
const RUNS = 7;
const BUDGET_MS = 1000;
const BUDGET_BYTES = 300 * 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

buildConsole();
const server = await startServe();
const browser = await launch();
try {
  const timings = { health: [] as number[], signIn: [] as number[], board: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    // A fresh context each time: nothing cached, as on a commune's laptop opening the console.
    const context = await browser.newContext();
    const page = await context.newPage();
    let started = performance.now();
    await page.goto(`${server.url}/health`, { waitUntil: 'load' });
    timings.health.push(performance.now() - started);
    started = performance.now();
    await page.goto(server.url, { waitUntil: 'commit' });
    await page.waitForSelector('[data-person="cong-an-xa"]');
    timings.signIn.push(performance.now() - started);
    started = performance.now();
    await page.click('[data-person="cong-an-xa"]');
    await page.waitForSelector('[data-live="live"]');
    timings.board.push(performance.now() - started);
    await context.close();
  }
  const assets = fileURLToPath(new URL('../../../services/console/dist/assets/', import.meta.url));
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const size = (suffix: string) => js.reduce((sum, f) => sum + statSync(join(assets, f + suffix)).size, 0);
  const health = median(timings.health);
  const line = (name: string, ms: number) =>
    console.log(
      `${name.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms  ×${(ms / health).toFixed(1)} of /health  (budget ${BUDGET_MS} ms: ${ms <= BUDGET_MS ? 'met' : 'MISSED'})`,
    );
  console.log(`first page, median of ${RUNS} cold loads over loopback (${server.url})`);
  console.log(`${'baseline: /health JSON loaded'.padEnd(44)} ${health.toFixed(1).padStart(8)} ms`);
  line('sign-in page interactive (role picker)', median(timings.signIn));
  line('today’s board live after sign-in', median(timings.board));
  for (const [name, bytes] of [
    ['JavaScript, brotli (as sent)', size('.br')],
    ['JavaScript, gzip', size('.gz')],
    ['JavaScript, uncompressed', size('')],
  ] as const)
    console.log(
      `${name.padEnd(44)} ${(bytes / 1024).toFixed(1).padStart(8)} KB  ×${(bytes / BUDGET_BYTES).toFixed(2)} of the 300 KB budget`,
    );
} finally {
  await browser.close();
  await server.stop();
}
