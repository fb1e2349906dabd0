import { handleCommand, markerHandler, type CommandDeps } from '@dacxa/commands';
import { AGGREGATES, scheduledRequests } from '@dacxa/domain';
import { createScheduler, type MarkerHandler, type Scheduler } from '@dacxa/runtime';
import type { SeededCommand } from '../scenarioRunner.js';
import { seededApp } from './seededApp.js';

/** Tasks and a report the fixture adds to the demo, with due dates around 20/02/2026. */
export const EXTRA = {
  overdueTask: { id: '0192f5c4-0040-7000-8000-000000000001', dueDate: '2026-01-15' },
  soonTask: { id: '0192f5c4-0040-7000-8000-000000000002', dueDate: '2026-02-25' },
  overdueReport: { id: '0192f5c4-0041-7000-8000-000000000001', dueDate: '2026-01-31' },
} as const;

/** Sends one of the demo's own commands again for a new record with another due date. */
async function again(deps: CommandDeps, seeded: SeededCommand, idField: string, id: string, dueDate: string) {
  const { type, data, meta } = seeded.command;
  const incoming = { type, id, data: { ...(data as Record<string, unknown>), [idField]: id, dueDate }, meta };
  if (seeded.kind === 'task') await handleCommand(deps, 'task', AGGREGATES.task, incoming);
  else await handleCommand(deps, 'report', AGGREGATES.report, incoming);
}

/** Adds open ASSIGN tasks (one overdue, one due soon) and an owed report to the demo. */
async function addDeadlines(deps: CommandDeps, seeded: readonly SeededCommand[]): Promise<void> {
  const assign = seeded.find(
    (c) =>
      c.command.type === 'AssignTask' &&
      (c.command.data as { requestType?: string }).requestType === 'ASSIGN',
  );
  const request = seeded.find((c) => c.command.type === 'RequestReport');
  if (!assign || !request) throw new Error('the demo has no AssignTask or RequestReport to copy');
  await again(deps, assign, 'taskId', EXTRA.overdueTask.id, EXTRA.overdueTask.dueDate);
  await again(deps, assign, 'taskId', EXTRA.soonTask.id, EXTRA.soonTask.dueDate);
  await again(deps, request, 'reportId', EXTRA.overdueReport.id, EXTRA.overdueReport.dueDate);
}

/**
 * The seeded demo with schedulers on an injected clock: `scheduler()` makes one over the same log
 * and views (several at once stand for several projector instances), with an optional handler
 * wrapped around the real one (to stop after k commands, to count them).
 */
export async function scheduledApp(today: string) {
  const now = () => new Date(`${today}T02:00:00Z`);
  const seeded = await seededApp(now);
  await addDeadlines(seeded.deps, seeded.seeded);
  await seeded.engine.waitFor((await seeded.store.headPosition()) ?? 0n, 30_000);
  const schedulers: Scheduler[] = [];
  const handle: MarkerHandler = markerHandler(seeded.deps);
  return {
    ...seeded,
    now,
    handle,
    /** With `reports`, the scheduler also requests the scheduled reports over the demo's unit tree. */
    scheduler(
      wrap: (inner: MarkerHandler) => MarkerHandler = (inner) => inner,
      options: { reports?: boolean } = {},
    ) {
      const made = createScheduler({
        clock: now,
        events: seeded.store,
        documents: seeded.documents,
        views: seeded.engine,
        handle: wrap(handle),
        ...(options.reports
          ? { schedule: async (day: string) => scheduledRequests(await seeded.deps.tree.current(), day) }
          : {}),
      });
      schedulers.push(made);
      return made;
    },
    /** The system's markers in the log, by stream and type. */
    async markers(): Promise<string[]> {
      const found: string[] = [];
      for await (const event of seeded.store.readAll())
        if (
          event.metadata.role === 'system' &&
          event.type !== 'TreeHeadSigned' &&
          event.metadata.actor === 'dacxa-scheduler'
        )
          found.push(`${event.stream} ${event.type}`);
      return found.sort();
    },
    async close() {
      await Promise.all(schedulers.map((s) => s.stop()));
      await seeded.close();
    },
  };
}
