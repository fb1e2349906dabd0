import type Database from 'better-sqlite3';
import type { AppendResult } from '@dacxa/event-store';
import type { Statements } from './statements.js';
import { createStreamHeads } from './streamHeads.js';
import { writeAppend, type AppendRequest } from './writeAppend.js';

interface Pending {
  request: AppendRequest;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/** Counters an operator (and the group-commit test) can read. */
export interface CommitMetrics {
  commits: number;
  appends: number;
  events: number;
}

/**
 * Appends that arrive in the same turn of the event loop share one transaction (one fsync). Each
 * fails alone: a batch of several events runs in its own savepoint, a single event's INSERT is
 * atomic by itself.
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
  const heads = createStreamHeads(db, statements);
  // A db.transaction called inside another runs as a savepoint.
  const inSavepoint = db.transaction(writeAppend);

  const commitGroup = db.transaction((group: Pending[], recordedAt: string): Outcome[] => {
    heads.validate();
    return group.map(({ request }) => {
      const write = request.events.length > 1 ? inSavepoint : writeAppend;
      try {
        return { ok: true, result: write(statements, heads, request, recordedAt) };
      } catch (error) {
        heads.forget(request.stream);
        return { ok: false, error };
      }
    });
  });

  function flush(): void {
    const group = queue;
    queue = [];
    scheduled = null;
    let outcomes: Outcome[];
    try {
      outcomes = commitGroup.immediate(group, now().toISOString());
    } catch (error) {
      heads.forget();
      for (const pending of group) pending.reject(error);
      return;
    }
    metrics.commits++;
    group.forEach((pending, i) => {
      const outcome = outcomes[i] as Outcome;
      if (outcome.ok) {
        metrics.appends++;
        metrics.events += pending.request.events.length;
        pending.resolve(outcome.result);
      } else pending.reject(outcome.error);
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
