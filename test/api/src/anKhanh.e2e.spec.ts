import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGGREGATES, type DomainEvent } from '@dacxa/domain';
import { AN_KHANH_PLAN, anKhanhCaseId, runAnKhanh, type ScenarioRunner } from '@dacxa/domain/scenarios';
import { startServer } from './startServer.js';

// Plan 13/KH-UBND of An Khánh (seeds/000…) driven through HTTP: every command a person of the
// plan issues goes to its route with a token for that person's role and unit.
const PATHS = {
  case: 'cases',
  plan: 'plans',
  task: 'tasks',
  report: 'reports',
  'loan-list': 'loan-lists',
  'vbsp-rates': 'vbsp-rates',
} as const;
// One stream for the country: its path has no id.
const SINGLE: ReadonlySet<string> = new Set(['vbsp-rates']);
let clock = new Date('2025-07-28T01:00:00Z');
let server: Awaited<ReturnType<typeof startServer>>;
const skipped: string[] = [];
const POLICE = 'xa-an-khanh/cong-an';

let head = '0';

/** A GET as a role of a unit; view reads wait until the views reflect every command sent. */
async function get<T>(path: string, role: string, unit: string, accept = 'application/json'): Promise<T> {
  const url = path.startsWith('/views/')
    ? `${path}${path.includes('?') ? '&' : '?'}minPosition=${head}`
    : path;
  const response = await fetch(`${server.url}${url}`, {
    headers: { authorization: `Bearer ${await server.token(role, unit)}`, accept },
  });
  expect(response.status, path).toBe(200);
  return (accept === 'text/plain' ? await response.text() : await response.json()) as T;
}

const overHttp: ScenarioRunner = {
  async run(kind, id, command) {
    const { type, data, meta } = command as { type: string; data: unknown; meta: Record<string, string> };
    // Deadline sweeps are the service's own ('system'); no token may claim that role.
    if (meta.role === 'system') return void skipped.push(type);
    clock = new Date(meta.now ?? clock);
    const token = await server.token(meta.role ?? '', meta.unit ?? '', '1h', meta.actor);
    const base = `/${PATHS[kind as keyof typeof PATHS]}`;
    const path = `${SINGLE.has(kind) ? base : `${base}/${id}`}/commands/${type}`;
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(data),
    });
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  },
  async state(kind, id) {
    const history = await get<{ events: DomainEvent[] }>(
      `/${PATHS[kind as keyof typeof PATHS]}/${id}/history`,
      'commune-police',
      POLICE,
    );
    // The history's events are the stream's own, as the registry parsed them: fold them untyped.
    const aggregate = AGGREGATES[kind] as unknown as {
      initial: unknown;
      evolve(state: unknown, event: DomainEvent): unknown;
    };
    return history.events.reduce((s, e) => aggregate.evolve(s, e), aggregate.initial) as never;
  },
};

beforeAll(async () => {
  server = await startServer(() => clock);
  await runAnKhanh(overHttp);
  head = String((await server.store.headPosition()) ?? 0n);
});
afterAll(() => server.stop());

describe('An Khánh’s plan 13/KH-UBND, driven through HTTP', () => {
  it('records every step through the routes; only the service’s own deadline sweep is left out', () => {
    expect(skipped).toEqual(['MarkReportOverdue']);
  });

  it('shows the chair the plan’s tasks: five orders completed, the request to the Front awaiting its reply', async () => {
    const { items } = await get<{ items: Array<{ planId: string; status: string; awaitingReply: boolean }> }>(
      '/views/tasks',
      'commune-chair',
      'xa-an-khanh',
    );
    expect(items).toHaveLength(6);
    expect(items.every((t) => t.planId === AN_KHANH_PLAN)).toBe(true);
    expect(items.filter((t) => t.status === 'completed')).toHaveLength(5);
    expect(items.filter((t) => t.awaitingReply)).toHaveLength(1);
  });

  it('shows the commune police its five people, one handed over to Lê Chân ward and closed there', async () => {
    const { items } = await get<{ items: Array<{ status: string }> }>(
      '/views/case-files',
      'commune-police',
      POLICE,
    );
    expect(items.map((c) => c.status).sort()).toEqual([
      'closed',
      'supervised',
      'supervised',
      'supervised',
      'supervised',
    ]);
    const ward = await get<{ items: Array<{ status: string }> }>(
      '/views/case-files',
      'commune-police',
      'phuong-le-chan/cong-an',
    );
    expect(ward.items.map((c) => c.status)).toEqual(['received']);
  });

  it('shows the units’ reports through the commune police, one of them late', async () => {
    const { items } = await get<{ items: Array<{ status: string; late: boolean }> }>(
      '/views/reports',
      'commune-police',
      POLICE,
    );
    expect(items).toHaveLength(5);
    expect(items.every((r) => r.status === 'accepted')).toBe(true);
    expect(items.filter((r) => r.late)).toHaveLength(1);
  });

  it('shows the bank the approved loan, and the police a case as it stood on a date and as a timeline', async () => {
    const loans = await get<{ items: Array<{ caseId: string }> }>(
      '/views/loan-books?hasLoan=true',
      'vbsp',
      'xa-an-khanh',
    );
    expect(loans.items.map((l) => l.caseId)).toEqual([anKhanhCaseId(2)]);
    const before = await get<{ status: string }>(
      `/cases/${anKhanhCaseId(1)}/history?asOf=2025-09-04`,
      'commune-police',
      POLICE,
    );
    expect(before.status).toBe('received');
    const page = await get<{ events: Array<{ revision: number }>; next: string | null }>(
      `/cases/${anKhanhCaseId(2)}/history?limit=3`,
      'commune-police',
      POLICE,
    );
    expect(page.events.map((e) => e.revision)).toEqual([0, 1, 2]);
    const rest = await get<{ events: Array<{ revision: number }>; next: string | null }>(
      `/cases/${anKhanhCaseId(2)}/history?after=${page.next ?? ''}`,
      'commune-police',
      POLICE,
    );
    expect(rest.events[0]?.revision).toBe(3);
    expect(rest.next).toBeNull();
    const timeline = await get<string>(
      `/cases/${anKhanhCaseId(3)}/timeline`,
      'commune-police',
      POLICE,
      'text/plain',
    );
    expect(timeline).toMatch(/^29\/08\/2025 — .+ \(Công an xã\)$/m);
    expect(timeline).toMatch(/^12\/10\/2025 — .*vi phạm.*$/im);
  });
});
