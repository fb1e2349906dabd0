// The province's yearly HCD-13 over a generated log, beside a plain scan of the same log.
// Run: pnpm --filter @dacxa/reports bench   (EVENTS=200000 for a smaller log)
import { getInMemoryEventStore, type EventStore, type NewEvent } from '@dacxa/event-store';
import { computeHcd13 } from '../src/hcd13.js';
import { parsePeriod } from '../src/period.js';

const EVENTS = Number(process.env.EVENTS ?? 1_000_000);
const COMMUNES = 100;
const PER_CASE = 25;
const meta = { actor: 'bench', role: 'commune-police', unit: 'bench' };
const id = (kind: number, n: number) =>
  `0192f5c4-${String(kind).padStart(4, '0')}-7000-8000-${String(n).padStart(12, '0')}`;
const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + (n % 360), 2)).toISOString();

/** One case: notice, reporting in, file, supervisor, then visits, a classification, and sometimes a violation, a loan, a closure. */
function caseEvents(n: number): NewEvent[] {
  const commune = `xa-${n % COMMUNES}`;
  const on = (k: number) => day(n + k);
  const caseId = id(2, n);
  const events: NewEvent[] = [
    {
      type: 'ReleaseNoticeReceived',
      data: {
        caseId,
        person: { personId: id(3, n) },
        source: 'AMNESTY',
        communeCode: commune,
        releaseDate: '2025-01-01',
        verifyBy: '2025-01-05',
      },
      metadata: meta,
      occurredAt: on(0),
    },
    {
      type: 'PersonReported',
      data: { reportedOn: '2025-01-03', fileDueBy: '2025-01-10', supervisorDueBy: '2025-01-08' },
      metadata: meta,
      occurredAt: on(1),
    },
    { type: 'ManagementFileOpened', data: { openedOn: '2025-01-04' }, metadata: meta, occurredAt: on(2) },
    {
      type: 'SupervisorAssigned',
      data: { supervisor: { kind: 'PERSON', ref: `u-${n}` } },
      metadata: meta,
      occurredAt: on(3),
    },
    { type: 'PersonClassified', data: { group: 'ABCD'[n % 4] }, metadata: meta, occurredAt: on(4) },
  ];
  for (let k = events.length; k < PER_CASE - 1; k++)
    events.push({
      type: 'VisitLogged',
      data: { visitedOn: '2025-02-01' },
      metadata: meta,
      occurredAt: on(k),
    });
  const last =
    n % 10 === 0
      ? { type: 'CaseClosed', data: { reason: 'EXPUNGED', closedOn: '2025-12-01' } }
      : n % 7 === 0
        ? { type: 'ViolationRecorded', data: { kind: 'ADMINISTRATIVE' } }
        : { type: 'LoanApplied', data: { loanId: id(6, n) } };
  events.push({ ...last, metadata: meta, occurredAt: on(PER_CASE) });
  return events;
}

async function build(): Promise<EventStore> {
  const store = getInMemoryEventStore();
  await store.append('org-units-bench', [
    {
      type: 'OrgUnitEstablished',
      data: {
        code: 'tinh-bench',
        kind: 'PROVINCE',
        name: 'Tỉnh Thử Nghiệm',
        parent: null,
        effectiveFrom: '2024-01-01',
      },
      metadata: meta,
    },
    ...Array.from({ length: COMMUNES }, (_, c): NewEvent => ({
      type: 'OrgUnitEstablished',
      data: {
        code: `xa-${c}`,
        kind: 'COMMUNE',
        name: `Xã Thử Nghiệm ${c}`,
        parent: 'tinh-bench',
        effectiveFrom: '2024-01-01',
      },
      metadata: meta,
    })),
  ]);
  for (let n = 1; n <= Math.ceil(EVENTS / PER_CASE); n++)
    await store.append(`case-${id(2, n)}`, caseEvents(n));
  return store;
}

function measure<T>(work: () => Promise<T>): Promise<{ ms: number; peakMiB: number; result: T }> {
  global.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
  const start = performance.now();
  return work().then((result) => {
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { ms: performance.now() - start, peakMiB: (peak - base) / 2 ** 20, result };
  });
}

const builtAt = performance.now();
const store = await build();
const at = (await store.headPosition()) ?? 0n;
const buildMs = performance.now() - builtAt;
const scan = await measure(async () => {
  let n = 0;
  for await (const e of store.readAll()) if (e.position <= at) n++;
  return n;
});
const report = await measure(() =>
  computeHcd13(store, { unit: 'tinh-bench', period: parsePeriod('2025'), at }),
);
const line = (name: string, m: { ms: number; peakMiB: number }) =>
  `${name.padEnd(28)} ${(m.ms / 1000).toFixed(2).padStart(7)} s  ${m.peakMiB.toFixed(0).padStart(5)} MiB heap above start`;
process.stdout.write(
  [
    `log: ${at} events (${Math.ceil(EVENTS / PER_CASE)} cases, ${COMMUNES} communes), built in ${(buildMs / 1000).toFixed(1)} s (in-memory store)`,
    line('plain scan (readAll)', scan),
    line('HCD-13, province, year 2025', report),
    `ratio (report / scan): time ${(report.ms / scan.ms).toFixed(2)}, managed ${report.result.total.managed}, rows ${report.result.byArea.length}`,
    '',
  ].join('\n'),
);
