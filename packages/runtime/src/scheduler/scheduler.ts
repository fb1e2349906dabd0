import type { Logger } from 'pino';
import type { EventStore } from '@dacxa/event-store';
import type { DocumentStore, ViewReader } from '@dacxa/read-models';
import { nextLocalTime, vietnamDate, type Clock } from './clock.js';
import { SWEPT_VIEWS, findDueMarkers } from './dueMarkers.js';
import { findScheduledReports, type ReportScheduleSource } from './reportSchedule.js';
import { sendMarkers, type MarkerHandler, type SweepResult } from './sweep.js';

export interface SchedulerOptions {
  clock: Clock;
  events: Pick<EventStore, 'headPosition' | 'subscribe'>;
  documents: DocumentStore;
  views: Pick<ViewReader, 'collection' | 'waitFor'>;
  handle: MarkerHandler;
  /** The reporting schedule: with it, each sweep also requests the reports it owes. */
  schedule?: ReportScheduleSource;
  logger?: Logger;
  /** How long one wait for the views lasts before it is logged and tried again. */
  catchUpMs?: number;
}

/** The clock of the deadlines: a sweep at start, daily at 00:05 Asia/Ho_Chi_Minh, and on demand. */
export interface Scheduler {
  /** Sweeps once the views have caught up, then daily; sweeps again after a calendar change. */
  start(): void;
  /** A sweep now (queued behind one in progress), e.g. after a calendar change. */
  sweepNow(): Promise<SweepResult>;
  /** Stops the timer and the sweep in progress between two commands; resolves once it has. */
  stop(): Promise<void>;
}

const VIEWS = [...new Set([...SWEPT_VIEWS, 'reports'])];
// setTimeout's longest delay; a longer wait (a fixed clock far from midnight never needs one) is re-armed.
const MAX_TIMER_MS = 2 ** 31 - 1;
// Quarters a sweep may chain through in one go (a century of them); the next sweep goes on.
const MAX_PASSES = 400;
const HOUR_MS = 3_600_000;

/** A scheduler over a process's views and command handler (docs/architecture.md, "The clock"). */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { clock, events, documents, views, handle, catchUpMs = 10_000 } = options;
  const log = options.logger?.child({ component: 'scheduler' });
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let watching: Promise<void> = Promise.resolve();

  // The views must reflect the log as it stands, or a marker would be missed or sent twice.
  async function caughtUp(): Promise<void> {
    const head = (await events.headPosition()) ?? 0n;
    for (const view of VIEWS) {
      while (!controller.signal.aborted) {
        try {
          await views.waitFor(head, catchUpMs, view);
          break;
        } catch (error) {
          log?.info({ view, err: error }, 'waiting for the view to catch up before sweeping');
        }
      }
    }
  }

  async function sweepOnce(): Promise<SweepResult> {
    await caughtUp();
    const today = vietnamDate(clock());
    const collectionOf = (p: string, c: string) => views.collection(p, c);
    // The schedule's requests first: one past due is marked overdue by the next pass of the sweep.
    const markers = controller.signal.aborted
      ? []
      : [
          ...(options.schedule
            ? await findScheduledReports(options.schedule, documents, collectionOf, today)
            : []),
          ...(await findDueMarkers(documents, collectionOf, today, clock())),
        ];
    return sendMarkers(markers, {
      handle,
      now: clock,
      today,
      signal: controller.signal,
      ...(log ? { logger: log } : {}),
    });
  }

  // A quarter recorded missed opens the next one, which may be past due already (a case left
  // unreported for a year): sweep again until a pass records nothing, so one sweep is complete.
  async function sweep(reason: string): Promise<SweepResult> {
    let total = await sweepOnce();
    let last = total;
    for (let pass = 1; last.recorded > 0 && !last.interrupted && pass < MAX_PASSES; pass++) {
      last = await sweepOnce();
      // A later pass counts what it newly recorded; what failed is what the last pass left.
      total = {
        ...last,
        due: total.due + last.recorded,
        recorded: total.recorded + last.recorded,
        replayed: total.replayed,
        alreadyDone: total.alreadyDone,
      };
    }
    log?.info({ reason, ...total }, 'deadline sweep done');
    return total;
  }

  function sweepNow(reason = 'asked'): Promise<SweepResult> {
    const next = queue.then(() => sweep(reason));
    queue = next.catch(() => undefined);
    return next;
  }

  function arm(): void {
    if (controller.signal.aborted) return;
    const now = clock();
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, nextLocalTime(now).getTime() - now.getTime()));
    timer = setTimeout(() => {
      const due = nextLocalTime(now).getTime() <= clock().getTime();
      if (due) void sweepNow('daily').catch((err: unknown) => log?.error({ err }, 'daily sweep failed'));
      arm();
    }, delay);
    timer.unref();
  }

  // A breach's 72 hours run in clock hours: sweep on the hour too, so one is marked within the hour.
  let hourly: NodeJS.Timeout | undefined;
  function armHourly(): void {
    if (controller.signal.aborted) return;
    const now = clock().getTime();
    const delay = HOUR_MS - (now % HOUR_MS) + 1_000;
    hourly = setTimeout(() => {
      void sweepNow('hourly').catch((err: unknown) => log?.error({ err }, 'hourly sweep failed'));
      armHourly();
    }, delay);
    hourly.unref();
  }

  // A published holiday calendar moves working-day deadlines: sweep again once it is recorded.
  async function watchCalendar(): Promise<void> {
    const after = (await events.headPosition()) ?? undefined;
    const options =
      after === undefined ? { signal: controller.signal } : { after, signal: controller.signal };
    for await (const event of events.subscribe(options)) {
      if (event.stream.startsWith('calendar-'))
        void sweepNow('calendar').catch((err: unknown) =>
          log?.error({ err }, 'sweep after a calendar change failed'),
        );
    }
  }

  return {
    start() {
      void sweepNow('start').catch((err: unknown) => log?.error({ err }, 'start-up sweep failed'));
      arm();
      armHourly();
      watching = watchCalendar().catch((err: unknown) => {
        if (!controller.signal.aborted) log?.error({ err }, 'calendar watch stopped');
      });
    },
    sweepNow: () => sweepNow(),
    async stop() {
      controller.abort();
      clearTimeout(timer);
      clearTimeout(hourly);
      await Promise.all([queue, watching]);
    },
  };
}
