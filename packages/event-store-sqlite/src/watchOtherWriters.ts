import type Database from 'better-sqlite3';
import type { Notifier } from '@dacxa/event-store';

/**
 * Local appends wake subscriptions at once; appends by another process on the same file are seen
 * by polling PRAGMA data_version, which changes only when another connection commits.
 */
export function watchOtherWriters(db: Database.Database, notifier: Notifier, intervalMs: number) {
  let timer: NodeJS.Timeout | undefined;
  let seen = 0;
  const check = (): void => {
    if (!db.open || notifier.waiting === 0) return;
    const version = db.pragma('data_version', { simple: true }) as number;
    if (version !== seen) {
      seen = version;
      notifier.notify();
    }
  };
  return {
    start(): void {
      if (timer) return;
      seen = db.pragma('data_version', { simple: true }) as number;
      timer = setInterval(check, intervalMs);
      timer.unref();
    },
    stop(): void {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
