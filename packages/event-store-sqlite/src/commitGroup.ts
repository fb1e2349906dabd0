import type Database from 'better-sqlite3';
import type { AppendResult } from '@dacxa/event-store';
import type { Statements } from './statements.js';
import { createStreamHeads } from './streamHeads.js';
import { writeAppend, type AppendRequest } from './writeAppend.js';

export type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/**
 * Writes a group of appends in one transaction (one fsync) on this connection, whichever thread it
 * runs on. Each fails alone: a batch of several events runs in its own savepoint, a single event's
 * INSERT is atomic by itself. Throws only when the transaction itself fails (every append with it).
 */
export function createCommitGroup(db: Database.Database, statements: Statements) {
  const heads = createStreamHeads(db, statements);
  // A db.transaction called inside another runs as a savepoint.
  const inSavepoint = db.transaction(writeAppend);
  const commit = db.transaction((group: AppendRequest[], recordedAt: string): AppendOutcome[] => {
    heads.validate();
    return group.map((request) => {
      const write = request.events.length > 1 ? inSavepoint : writeAppend;
      try {
        return { ok: true, result: write(statements, heads, request, recordedAt) };
      } catch (error) {
        heads.forget(request.stream);
        return { ok: false, error };
      }
    });
  });
  return (group: AppendRequest[], recordedAt: string): AppendOutcome[] => {
    try {
      return commit.immediate(group, recordedAt);
    } catch (error) {
      heads.forget();
      throw error;
    }
  };
}
