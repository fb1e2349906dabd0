import type Database from 'better-sqlite3';
import type { Statements } from './statements.js';

/** A stream's last revision and hash: what the next append chains from. */
export interface StreamHead {
  revision: number;
  hash: string;
}

const MAX_CACHED = 50_000;

/**
 * Stream heads remembered between appends. Only this connection writes while it holds the write
 * lock, so the cache is exact unless another connection committed since; PRAGMA data_version tells
 * exactly that, and `validate` (run inside each write transaction) drops the cache when it moved.
 */
export function createStreamHeads(db: Database.Database, statements: Statements) {
  const heads = new Map<string, StreamHead | null>();
  let seenVersion = -1;
  return {
    validate(): void {
      const version = db.pragma('data_version', { simple: true }) as number;
      if (version !== seenVersion) heads.clear();
      seenVersion = version;
    },
    get(stream: string): StreamHead | null {
      let head = heads.get(stream);
      if (head === undefined) {
        head = statements.streamHead.get(stream) ?? null;
        this.set(stream, head);
      }
      return head;
    },
    set(stream: string, head: StreamHead | null): void {
      if (heads.size >= MAX_CACHED) heads.clear();
      heads.set(stream, head);
    },
    /** After a rollback the cache may hold heads that were never committed. */
    forget(stream?: string): void {
      if (stream === undefined) heads.clear();
      else heads.delete(stream);
    },
  };
}

/** The stream-head cache of one connection. */
export type StreamHeads = ReturnType<typeof createStreamHeads>;
