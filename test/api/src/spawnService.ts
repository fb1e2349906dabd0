import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A dacxa process as an operator starts it: its own node, its output read as printed. */
export function spawnService(script: string, args: string[], env: Record<string, string>) {
  const entry = fileURLToPath(new URL(`../../../${script}`, import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => output,
    printed: (pattern: RegExp, ms = 20_000) =>
      new Promise<RegExpMatchArray>((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          const match = pattern.exec(output);
          if (match) resolve(match);
          else if (child.exitCode !== null) reject(new Error(`exited ${child.exitCode}: ${output}`));
          else if (Date.now() - started > ms)
            reject(new Error(`not printed in ${ms} ms: ${pattern}\n${output}`));
          else setTimeout(check, 50);
        };
        check();
      }),
  };
}
