import { chmodSync, closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';

/** The latest checkpoint a witness cosigned for one log. */
export interface Witnessed {
  size: number;
  rootHash: Buffer;
}

/** What a witness keeps: per log origin, the latest checkpoint it cosigned, and refusals it saw. */
export interface WitnessStore {
  latest(origin: string): Witnessed | null;
  /**
   * Records `next` only if the stored size is still `oldSize` (0 when none): checked and stored in
   * one transaction, so two requests can never roll the witness back. Returns the stored size on a mismatch.
   */
  advance(
    origin: string,
    oldSize: number,
    next: Witnessed & { note: string },
  ): { ok: true } | { ok: false; size: number };
  /** Keeps a checkpoint that failed a check (a rewritten history is evidence). */
  remember(origin: string, reason: string, body: string): void;
  close(): void;
}

/** The witness's own SQLite file (created 0600), WAL, synchronous writes. */
export function openWitnessStore(file: string): WitnessStore {
  if (file !== ':memory:') closeSync(openSync(file, 'a', 0o600));
  const db = new Database(file);
  if (file !== ':memory:') chmodSync(file, 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE IF NOT EXISTS witnessed (
    origin TEXT PRIMARY KEY, size INTEGER NOT NULL, root BLOB NOT NULL, note TEXT NOT NULL, at TEXT NOT NULL)`);
  db.exec(`CREATE TABLE IF NOT EXISTS refused (
    id INTEGER PRIMARY KEY, origin TEXT NOT NULL, reason TEXT NOT NULL, body TEXT NOT NULL, at TEXT NOT NULL)`);
  const select = db.prepare<[string], { size: number; root: Buffer }>(
    'SELECT size, root FROM witnessed WHERE origin = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO witnessed (origin, size, root, note, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(origin) DO UPDATE SET size = excluded.size, root = excluded.root, note = excluded.note, at = excluded.at`,
  );
  const insertRefusal = db.prepare('INSERT INTO refused (origin, reason, body, at) VALUES (?, ?, ?, ?)');
  const latest = (origin: string): Witnessed | null => {
    const row = select.get(origin);
    return row ? { size: row.size, rootHash: row.root } : null;
  };
  const advance = db.transaction((origin: string, oldSize: number, next: Witnessed & { note: string }) => {
    const stored = latest(origin)?.size ?? 0;
    if (stored !== oldSize) return { ok: false as const, size: stored };
    upsert.run(origin, next.size, next.rootHash, next.note, new Date().toISOString());
    return { ok: true as const };
  });
  return {
    latest,
    advance: (origin, oldSize, next) => advance.immediate(origin, oldSize, next),
    remember: (origin, reason, body) =>
      void insertRefusal.run(origin, reason, body, new Date().toISOString()),
    close: () => db.close(),
  };
}
