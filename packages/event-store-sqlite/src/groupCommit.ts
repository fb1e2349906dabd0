import type Database from 'better-sqlite3';
import type { AppendResult } from '@dacxa/event-store';
import type { Statements } from './statements.js';
import { writeAppend, type AppendRequest } from './writeAppend.js';

interface Pending {
  request: AppendRequest;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/** Counters an operator (and the group-commit test) can read. */
export interface CommitMetrics {
  commits: number;
  appends: number;
  events: number;
}

/**
 * Appends that arrive in the same turn of the event loop share one transaction (one fsync). Each
 * runs in its own savepoint, so one append failing its checks fails alone.
 */
export function createGroupCommit(
  db: Database.Database,
  statements: Statements,
  now: () => Date,
  afterCommit: () => void,
) {
  let queue: Pending[] = [];
  let scheduled: Promise<void> | null = null;
  const metrics: CommitMetrics = { commits: 0, appends: 0, events: 0 };

  const commitGroup = db.transaction((group: Pending[], recordedAt: string) =>
    group.map(({ request }) => {
      try {
        return {
          ok: true as const,
          result: db.transaction(() => writeAppend(statements, request, recordedAt))(),
        };
      } catch (error) {
        return { ok: false as const, error };
      }
    }),
  );

  function flush(): void {
    const group = queue;
    queue = [];
    scheduled = null;
    let outcomes;
    try {
      outcomes = commitGroup.immediate(group, now().toISOString());
    } catch (error) {
      for (const pending of group) pending.reject(error);
      return;
    }
    metrics.commits++;
    group.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) {
        metrics.appends++;
        metrics.events += pending.request.events.length;
        pending.resolve(outcome.result);
      } else pending.reject(outcome?.error);
    });
    afterCommit();
  }

  return {
    metrics,
    enqueue(request: AppendRequest): Promise<AppendResult> {
      const result = new Promise<AppendResult>((resolve, reject) => queue.push({ request, resolve, reject }));
      scheduled ??= new Promise<void>((done) =>
        setImmediate(() => {
          flush();
          done();
        }),
      );
      return result;
    },
    /** Resolves once every queued append has been committed or refused. */
    drained(): Promise<void> {
      return scheduled ?? Promise.resolve();
    },
  };
}
