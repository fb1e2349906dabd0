import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const CONSOLE_DIR = join(REPO, 'services', 'console');

/** Builds the page (vite build) as the README's command does before serving it. */
export function buildConsole(): void {
  execFileSync(join(CONSOLE_DIR, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'error'], {
    cwd: CONSOLE_DIR,
  });
}

function spawnServe(dir: string, port: string, env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO, 'services/cli/src/main.ts'), 'serve'],
    {
      cwd: REPO,
      env: {
        ...process.env,
        DACXA_DATA_DIR: join(dir, 'data'),
        HOST: '127.0.0.1',
        PORT: port,
        LOG_LEVEL: 'warn',
        DACXA_AUDIT_SIGN_SECONDS: '1',
        ...env,
      },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return { child, output: () => output };
}

async function started(run: ReturnType<typeof spawnServe>): Promise<string> {
  const since = Date.now();
  while (!/Nhấn Ctrl-C/.test(run.output())) {
    if (run.child.exitCode !== null) throw new Error(`serve exited ${run.child.exitCode}: ${run.output()}`);
    if (Date.now() - since > 90_000) throw new Error(`serve did not start: ${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return run.output();
}

async function stopped(run: ReturnType<typeof spawnServe>): Promise<void> {
  if (run.child.exitCode !== null) return;
  const exited = new Promise((resolve) => run.child.once('exit', resolve));
  run.child.kill('SIGTERM');
  await exited;
}

/**
 * `dacxa serve` as an operator starts it, on 127.0.0.1 and a free port, with the demo seeded into
 * a fresh data folder: the URL it listens on, the log's verifier key it prints, and a restart on
 * the same port and data (a dropped connection, for the boards to resume after). `env` adds to or
 * overrides the operator's variables (an identity provider's, say).
 */
export async function startServe(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'dacxa-console-'));
  let run = spawnServe(dir, '0', env);
  const output = await started(run);
  const url = /đang chạy tại (http:\/\/\S+)/.exec(output)?.[1] ?? '';
  const vkey = /khóa xác minh của nhật ký: (\S+)/.exec(output)?.[1] ?? '';
  return {
    url,
    vkey,
    async restart(whileDown: () => Promise<void>) {
      await stopped(run);
      await whileDown();
      run = spawnServe(dir, new URL(url).port, env);
      await started(run);
    },
    async stop() {
      await stopped(run);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
