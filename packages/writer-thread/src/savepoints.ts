import type Database from 'better-sqlite3';

/**
 * One transaction (one commit, one fsync) for a group of writes, each in its own savepoint: a
 * write that fails is rolled back alone and answered with its error, the others commit. Returns
 * the group's runner (null for each write that committed) and the runner for one write alone.
 */
export function savepointGroup<W>(db: Database.Database, apply: (write: W) => void) {
  // A db.transaction called inside another runs as a savepoint.
  const one = db.transaction(apply);
  const group = db.transaction((writes: W[]): unknown[] =>
    writes.map((write) => {
      try {
        one(write);
        return null;
      } catch (error) {
        return error;
      }
    }),
  );
  return { one: (write: W): void => one(write), group: (writes: W[]): unknown[] => group(writes) };
}
