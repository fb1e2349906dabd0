import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '@dacxa/event-store';
import type { ReportDoc, TaskDoc } from '@dacxa/read-models';
import { computeKeHoach13 } from './keHoach13.js';
import { parsePeriod } from './period.js';
import { scenarioStore } from './testing/scenarioStore.js';
import { projectedViews } from './testing/views.js';

let store: EventStore;
let views: Awaited<ReturnType<typeof projectedViews>>;
let head: bigint;
beforeAll(async () => {
  store = await scenarioStore();
  head = (await store.headPosition()) ?? 0n;
  views = await projectedViews(store);
});
afterAll(() => views.stop());

describe('the report on plan 13/KH-UBND, section IV', () => {
  it('counts the tasks and reports the tracker views hold for the plan', async () => {
    const data = await computeKeHoach13(store, {
      unit: 'xa-an-khanh',
      period: parsePeriod('2025-Q3'),
      at: head,
    });
    const tasks = await views.all<TaskDoc>('tasks', 'tasks');
    const reports = await views.all<ReportDoc>('reports', 'reports');
    const [plan] = data.plans;
    expect(plan?.number).toBe('13/KH-UBND');
    expect(plan?.summary.tasks).toBe(tasks.length);
    expect(plan?.summary.done).toBe(tasks.filter((t) => t.status === 'completed').length);
    expect(plan?.summary.awaited).toBe(tasks.filter((t) => t.awaitingReply).length);
    expect(plan?.summary.reportsRequested).toBe(reports.length);
    expect(plan?.summary.reportsLate).toBe(reports.filter((r) => r.late).length);
    expect(plan?.tasks.find((t) => t.requestType === 'REQUEST')?.state).toBe('awaited');
  });

  it('shows tasks open and reports owed before they were done', async () => {
    let firstCompletion = 0n;
    for await (const e of store.readAll())
      if (e.type === 'TaskCompleted') {
        firstCompletion = e.position;
        break;
      }
    const data = await computeKeHoach13(store, {
      unit: 'xa-an-khanh',
      period: parsePeriod('2025-Q3'),
      at: firstCompletion - 1n,
    });
    expect(data.plans[0]?.summary.done).toBe(0);
    // Past the due date of 04/09/2025 at the quarter's end, an ASSIGN task not done is overdue.
    expect(data.plans[0]?.summary.overdue).toBe(5);
  });

  it('finds no plan of another province', async () => {
    const data = await computeKeHoach13(store, {
      unit: 'tinh-quang-ninh',
      period: parsePeriod('2025'),
      at: head,
    });
    expect(data.plans).toEqual([]);
  });
});
