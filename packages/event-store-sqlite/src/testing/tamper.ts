import Database from 'better-sqlite3';
import { canonicalJson, chainHash, type JsonValue } from '@dacxa/event-store';

/** Runs SQL on a closed store file behind dacxa's back, as anyone holding the file could. */
export function tamperFile(path: string, sql: string, ...params: unknown[]): void {
  const db = new Database(path);
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

interface StoredRow {
  position: number;
  stream: string;
  revision: number;
  body: string;
  prev_hash: string;
}

/**
 * Rewrites one event's data and re-chains its stream after it, as an operator could: every hash
 * recomputes and every link holds, so only a signed tree head can tell.
 */
export function rewriteEvent(
  path: string,
  position: number,
  edit: (data: Record<string, JsonValue>) => void,
): void {
  const db = new Database(path);
  try {
    const target = db.prepare('SELECT * FROM events WHERE position = ?').get(position) as
      StoredRow | undefined;
    if (!target) throw new Error(`no event at position ${position}`);
    const envelope = JSON.parse(target.body) as { data: Record<string, JsonValue> };
    edit(envelope.data);
    const rows = db
      .prepare('SELECT * FROM events WHERE stream = ? AND revision >= ? ORDER BY revision')
      .all(target.stream, target.revision) as StoredRow[];
    const update = db.prepare('UPDATE events SET body = ?, prev_hash = ?, hash = ? WHERE position = ?');
    let prevHash = target.prev_hash;
    db.transaction(() => {
      for (const row of rows) {
        const body = row.position === position ? canonicalJson(envelope) : row.body;
        const hash = chainHash(prevHash, body);
        update.run(body, prevHash, hash, row.position);
        prevHash = hash;
      }
    })();
  } finally {
    db.close();
  }
}
