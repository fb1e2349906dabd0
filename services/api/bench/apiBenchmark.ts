// pnpm bench (service): commands/s and p99 over HTTP at 16 and 64 clients beside fastify's hello
// world — a new person (ReceiveReleaseNotice) and a steady-state visit on an existing case — and one
// change fanned out to 1,000 WebSocket clients beside a bare `ws` broadcast, each pair in this run.
// BENCH_SECONDS sets each HTTP run's length (10 by default); BENCH_CLIENTS the sockets (1,000).
// BENCH_CPU_PROF=DIR writes the dacxa server's CPU profile there (node --cpu-prof), to see where
// a command's time goes under the same load.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import WebSocket from 'ws';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const clients = Number(process.env.BENCH_CLIENTS ?? 1_000);
const rounds = 20;
/** Rounds sent first and not counted, on both servers: the first changes pay for JIT and cold caches. */
const WARMUP = 3;
const CLIENTS = [16, 64] as const;
/** Cases received before the visits: more than the clients, so concurrent visits rarely share one. */
const STEADY_CASES = 256;

interface Server {
  url: string;
  token?: string;
  fanoutToken?: string;
  stop(): Promise<void>;
}

async function start(mode: 'hello' | 'dacxa'): Promise<Server> {
  const entry = fileURLToPath(new URL('./benchServer.ts', import.meta.url));
  const profile = mode === 'dacxa' && process.env.BENCH_CPU_PROF;
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', entry, mode], {
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

interface Load {
  rate: number;
  p99: number;
  errors: number;
  /** Non-2xx replies by status, so a refusal under load is told from a failure. */
  statuses: string;
}

async function load(connections: number, options: autocannon.Options): Promise<Load> {
  const result = await autocannon({ connections, duration: seconds, ...options });
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, { count }]) => `${count ?? 0}× ${code}`)
    .join(', ');
  return {
    rate: result.requests.average,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
    statuses,
  };
}

const ARRIVAL = {
  reportedOn: '2025-12-03',
  certificate: { number: '1693-0001/GCN', date: '2025-12-01' },
  reportBy: '2025-12-11',
  minutes: { number: '01/BB-CAX', date: '2025-12-03', form: 'HCD-05' },
  commitmentSigned: true,
};
const VISIT = JSON.stringify({
  visitedOn: '2025-12-05',
  place: 'HOME',
  findings: 'Gặp tại nhà, đời sống ổn định (dữ liệu đo tải)',
  concerns: [],
});

/** Received cases for the steady-state visits: each notified and reported in, as at the commune. */
async function receivedCases(url: string, token: string, count: number): Promise<string[]> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const ids = Array.from({ length: count }, () => randomUUID());
  for (let i = 0; i < ids.length; i += 32) {
    await Promise.all(
      ids.slice(i, i + 32).map(async (id) => {
        for (const [type, body] of [
          ['ReceiveReleaseNotice', notice(id)],
          ['ReceivePerson', JSON.stringify(ARRIVAL)],
        ] as const) {
          const reply = await fetch(`${url}/cases/${id}/commands/${type}`, { method: 'POST', headers, body });
          if (reply.status !== 201) throw new Error(`${type} refused: ${reply.status} ${await reply.text()}`);
        }
      }),
    );
  }
  return ids;
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
  for (let round = -WARMUP; round < rounds; round++) {
    let started = 0;
    const arrived = open.map(
      (socket) =>
        new Promise<void>((resolve) => {
          const onMessage = (data: Buffer) => {
            if (!data.toString().startsWith('{"type":"change"')) return;
            if (round >= 0) delays.push(performance.now() - started);
            socket.off('message', onMessage);
            resolve();
          };
          socket.on('message', onMessage);
        }),
    );
    started = performance.now();
    await trigger();
    await Promise.all(arrived);
    if (process.env.BENCH_ROUNDS === '1' && round >= 0)
      process.stderr.write(`round ${round}: last delivery ${fmt(delays.at(-1) ?? NaN, 1)} ms\n`);
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
  process.stderr.write(`HTTP: ${seconds} s each, at ${CLIENTS.join(' and ')} clients…\n`);
  const post = {
    method: 'POST' as const,
    headers: { authorization: `Bearer ${dacxa.token}`, 'content-type': 'application/json' },
  };
  const cases = await receivedCases(dacxa.url, dacxa.token ?? '', STEADY_CASES);
  let nextCase = 0;
  const http: Array<{ clients: number; hello: Load; person: Load; visit: Load }> = [];
  for (const clients of CLIENTS) {
    const baseline = await load(clients, { url: `${hello.url}/hello` });
    const person = await load(clients, {
      url: `${dacxa.url}/cases/00000000-0000-0000-0000-000000000000`,
      requests: [
        {
          ...post,
          setupRequest: (request) => {
            const body = notice();
            const caseId = (JSON.parse(body) as { caseId: string }).caseId;
            return { ...request, path: `/cases/${caseId}/commands/ReceiveReleaseNotice`, body };
          },
        },
      ],
    });
    const visit = await load(clients, {
      url: `${dacxa.url}/cases/00000000-0000-0000-0000-000000000000`,
      requests: [
        {
          ...post,
          // Round robin over the received cases: concurrent visits land on different streams.
          setupRequest: (request) => ({
            ...request,
            path: `/cases/${cases[nextCase++ % cases.length] ?? ''}/commands/LogVisit`,
            body: VISIT,
          }),
        },
      ],
    });
    http.push({ clients, hello: baseline, person, visit });
  }

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

  const p99 = percentile(liveDelays, 99);
  const rows = http.flatMap(({ clients, hello, person, visit }) =>
    (
      [
        ['new person (ReceiveReleaseNotice: a data key, three sealed fields)', person],
        ['steady state (LogVisit on a received case: one sealed field)', visit],
      ] as const
    ).map(([what, run]) => {
      const ratio = run.rate / hello.rate;
      return `| commands over HTTP, ${what}, ${clients} clients | ${fmt(run.rate)} /s, p99 ${fmt(run.p99)} ms | ${fmt(hello.rate)} /s, p99 ${fmt(hello.p99)} ms (fastify hello world) | ${ratio.toFixed(2)} | ≥ 0.25 | ${ratio >= 0.25 ? 'met' : 'missed'} |`;
    }),
  );
  const errors = http.map(
    ({ clients, hello, person, visit }) =>
      `${clients} clients: ${person.errors} new person${person.statuses ? ` (${person.statuses})` : ''}, ${visit.errors} visits${visit.statuses ? ` (${visit.statuses})` : ''}, ${hello.errors} hello world`,
  );
  process.stdout.write(
    [
      '',
      '| benchmark | dacxa | baseline (same run) | ratio | target | |',
      '| --- | ---: | ---: | ---: | ---: | --- |',
      ...rows,
      `| one change to ${fmt(clients)} WebSocket clients, p99 | ${fmt(p99, 1)} ms | ${fmt(percentile(bareDelays, 99), 1)} ms (bare ws broadcast) | ${(p99 / percentile(bareDelays, 99)).toFixed(1)}× | ≤ 50 ms | ${p99 <= 50 ? 'met' : 'missed'} |`,
      `| the same, p50 | ${fmt(percentile(liveDelays, 50), 1)} ms | ${fmt(percentile(bareDelays, 50), 1)} ms | | | |`,
      '',
      `Non-2xx or errors — ${errors.join('; ')}.`,
      '',
    ].join('\n'),
  );
} finally {
  await dacxa.stop();
  await hello.stop();
}
