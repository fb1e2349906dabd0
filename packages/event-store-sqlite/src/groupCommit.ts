import type Database from 'better-sqlite3';
import type { AppendResult } from '@dacxa/event-store';
import { createCommitGroup } from './commitGroup.js';
import type { Statements } from './statements.js';
import type { AppendRequest } from './writeAppend.js';

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

/** Where appends wait for their group's commit: on this thread, or on a writer thread. */
export interface AppendWriter {
  metrics: CommitMetrics;
  enqueue(request: AppendRequest): Promise<AppendResult>;
  /** Resolves once every queued append has been committed or refused. */
  drained(): Promise<void>;
  close(): Promise<void>;
}

/**
 * On the request thread: appends that arrive in the same turn of the event loop share one
 * transaction (one fsync), which blocks the thread while it commits.
 */
export function createGroupCommit(
  db: Database.Database,
  statements: Statements,
  now: () => Date,
  afterCommit: () => void,
): AppendWriter {
  let queue: Pending[] = [];
  let scheduled: Promise<void> | null = null;
  const metrics: CommitMetrics = { commits: 0, appends: 0, events: 0 };
  const commitGroup = createCommitGroup(db, statements);

  function flush(): void {
    const group = queue;
    queue = [];
    scheduled = null;
    let outcomes;
    try {
      outcomes = commitGroup(
        group.map((p) => p.request),
        now().toISOString(),
      );
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
    drained(): Promise<void> {
      return scheduled ?? Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}
