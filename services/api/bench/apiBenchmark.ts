// pnpm bench (service): commands/s over HTTP beside fastify's hello world, and one change fanned
// out to 1,000 WebSocket clients beside a bare `ws` broadcast, each pair measured in this run.
// BENCH_SECONDS sets each HTTP run's length (10 by default); BENCH_CLIENTS the sockets (1,000).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import WebSocket from 'ws';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const clients = Number(process.env.BENCH_CLIENTS ?? 1_000);
const rounds = 20;
const connections = 32;

interface Server {
  url: string;
  token?: string;
  fanoutToken?: string;
  stop(): Promise<void>;
}

async function start(mode: 'hello' | 'dacxa'): Promise<Server> {
  const entry = fileURLToPath(new URL('./benchServer.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', entry, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve) =>
    child.stdout.once('data', (d: Buffer) => resolve(d.toString())),
  );
  const info = JSON.parse(line) as { url: string; token?: string; fanoutToken?: string };
  return {
    ...info,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        if (mode === 'hello') child.kill('SIGKILL');
      }),
  };
}

function notice(caseId = randomUUID(), communeCode = 'xa-an-khanh'): string {
  return JSON.stringify({
    caseId,
    person: { personId: randomUUID(), fullName: 'Người Giả Định Đo Tải', birthDate: '1990' },
    source: 'AMNESTY',
    communeCode,
    releaseDate: '2025-12-01',
    reportBy: '2025-12-11',
    receivedOn: '2025-11-25',
    notice: { number: '1/TB-TG', date: '2025-11-24' },
  });
}

async function load(options: autocannon.Options): Promise<{ rate: number; errors: number }> {
  const result = await autocannon({ connections, duration: seconds, ...options });
  return { rate: result.requests.average, errors: result.non2xx + result.errors };
}

/** Opens `count` sockets; `prepare` authenticates and subscribes where the protocol asks for it. */
async function sockets(url: string, count: number, prepare?: (socket: WebSocket) => Promise<void>) {
  const opened: WebSocket[] = [];
  for (let i = 0; i < count; i += 100) {
    const batch = Array.from({ length: Math.min(100, count - i) }, async () => {
      const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`);
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      await prepare?.(socket);
      return socket;
    });
    opened.push(...(await Promise.all(batch)));
  }
  return opened;
}

/** Milliseconds from sending `trigger` until each socket has the change it causes, over `rounds`. */
async function fanOut(open: WebSocket[], trigger: () => Promise<unknown>): Promise<number[]> {
  const delays: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let started = 0;
    const arrived = open.map(
      (socket) =>
        new Promise<void>((resolve) => {
          const onMessage = (data: Buffer) => {
            if (!data.toString().startsWith('{"type":"change"')) return;
            delays.push(performance.now() - started);
            socket.off('message', onMessage);
            resolve();
          };
          socket.on('message', onMessage);
        }),
    );
    started = performance.now();
    await trigger();
    await Promise.all(arrived);
  }
  return delays;
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ??
  NaN;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

const hello = await start('hello');
const dacxa = await start('dacxa');
try {
  process.stderr.write(`HTTP: ${seconds} s each, ${connections} connections…\n`);
  const baseline = await load({ url: `${hello.url}/hello` });
  const commands = await load({
    url: `${dacxa.url}/cases/00000000-0000-0000-0000-000000000000`,
    requests: [
      {
        method: 'POST',
        headers: { authorization: `Bearer ${dacxa.token}`, 'content-type': 'application/json' },
        setupRequest: (request) => {
          const body = notice();
          const caseId = (JSON.parse(body) as { caseId: string }).caseId;
          return { ...request, path: `/cases/${caseId}/commands/ReceiveReleaseNotice`, body };
        },
      },
    ],
  });

  process.stderr.write(`WebSocket: ${clients} clients, ${rounds} changes each…\n`);
  const bare = await sockets(hello.url, clients);
  const bareDelays = await fanOut(bare, () => fetch(`${hello.url}/broadcast`, { method: 'POST' }));
  bare.forEach((s) => s.terminate());
  const live = await sockets(dacxa.url, clients, async (socket) => {
    socket.send(JSON.stringify({ type: 'auth', token: dacxa.fanoutToken }));
    socket.send(JSON.stringify({ type: 'subscribe', id: 'hs', view: 'case-files' }));
    await new Promise<void>((resolve, reject) => {
      socket.once('close', (code) => reject(new Error(`socket closed ${code} before its snapshot`)));
      const onMessage = (data: Buffer) => {
        if (!data.toString().startsWith('{"type":"snapshot"')) return;
        socket.off('message', onMessage);
        resolve();
      };
      socket.on('message', onMessage);
    });
  });
  const liveDelays = await fanOut(live, () => {
    const caseId = randomUUID();
    return fetch(`${dacxa.url}/cases/${caseId}/commands/ReceiveReleaseNotice`, {
      method: 'POST',
      headers: { authorization: `Bearer ${dacxa.fanoutToken}`, 'content-type': 'application/json' },
      body: notice(caseId, 'xa-minh-hoa'),
    }).then((r) => {
      if (r.status !== 201) throw new Error(`command refused: ${r.status}`);
    });
  });
  live.forEach((s) => s.terminate());

  const ratio = commands.rate / baseline.rate;
  const p99 = percentile(liveDelays, 99);
  process.stdout.write(
    [
      '',
      '| benchmark | dacxa | baseline (same run) | ratio | target | |',
      '| --- | ---: | ---: | ---: | ---: | --- |',
      `| commands over HTTP (ReceiveReleaseNotice, sealed, durable) | ${fmt(commands.rate)} /s | ${fmt(baseline.rate)} /s (fastify hello world) | ${ratio.toFixed(2)} | ≥ 0.25 | ${ratio >= 0.25 ? 'met' : 'missed'} |`,
      `| one change to ${fmt(clients)} WebSocket clients, p99 | ${fmt(p99, 1)} ms | ${fmt(percentile(bareDelays, 99), 1)} ms (bare ws broadcast) | ${(p99 / percentile(bareDelays, 99)).toFixed(1)}× | ≤ 50 ms | ${p99 <= 50 ? 'met' : 'missed'} |`,
      `| the same, p50 | ${fmt(percentile(liveDelays, 50), 1)} ms | ${fmt(percentile(bareDelays, 50), 1)} ms | | | |`,
      '',
      `Non-2xx or errors: ${commands.errors} of the commands, ${baseline.errors} of hello world.`,
      '',
    ].join('\n'),
  );
} finally {
  await dacxa.stop();
  await hello.stop();
}
