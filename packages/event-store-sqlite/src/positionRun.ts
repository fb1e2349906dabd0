import { UnboundRowError } from '@dacxa/event-store';
import type { Statements } from './statements.js';

const belowOne = (position: number): UnboundRowError =>
  new UnboundRowError(
    BigInt(position),
    'position-gap',
    `position ${position} is below 1; the log starts at 1`,
  );

/**
 * Whether positions run 1, 2, 3… with neither a gap nor a row below 1: the n-th row of the log must
 * be at position n, or the ledger, exports and views (which read by position) miss what stream
 * reads see. The run already checked is remembered, so a read costs one comparison per row; only a
 * row past it counts the rows added since (cheap: a range of the rowid), once per new batch.
 */
export function createPositionRun(statements: Statements) {
  let denseThrough = 0;
  let gap: { position: number; expected: number } | null = null;

  const notInRun = (position: number): UnboundRowError => {
    const where = gap
      ? `position ${gap.expected} is missing, the next row is at ${gap.position}`
      : 'no such row';
    return new UnboundRowError(BigInt(position), 'position-gap', `positions do not run on: ${where}`);
  };

  function extend(): void {
    let rows: number;
    let highest: number | null;
    if (denseThrough === 0) {
      rows = (statements.rowCount.get()?.rows ?? 0) - (statements.rowsBelowOne.get()?.rows ?? 0);
      highest = statements.headPosition.get()?.position ?? null;
    } else ({ rows, highest } = statements.rowsAfter.get(denseThrough) ?? { rows: 0, highest: null });
    if (rows === 0 || highest === null) return;
    if (highest === denseThrough + rows) {
      denseThrough = highest;
      return;
    }
    // Not dense: find where the run breaks (a failure path, so a scan is fine).
    for (const position of statements.positionsAfter.iterate(denseThrough)) {
      if (position !== denseThrough + 1) {
        gap = { position, expected: denseThrough + 1 };
        return;
      }
      denseThrough = position;
    }
  }

  return {
    /** Refuses a row that is not inside the run 1…n. */
    assertInRun(position: number): void {
      if (position >= 1 && position <= denseThrough) return;
      if (position < 1) throw belowOne(position);
      if (!gap) extend();
      if (position > denseThrough) throw notInRun(position);
    },
    /** Refuses the log unless every row lies in the run 1…n: one count over an index (~30 ms a million). */
    assertWhole(): void {
      this.assertNothingBelowOne();
      if (!gap) extend();
      if (gap) throw notInRun(gap.position);
    },
    /** Refuses the log when a row lies below position 1, where reads by position never look. */
    assertNothingBelowOne(): void {
      const lowest = statements.lowestPosition.get()?.position ?? null;
      if (lowest !== null && lowest < 1) throw belowOne(lowest);
    },
    /** The next row of a read by position must be exactly one past the previous. */
    assertFollows(position: number, previous: number): void {
      if (position !== previous + 1)
        throw new UnboundRowError(
          BigInt(position),
          'position-gap',
          `position ${previous + 1} is missing, the next row is at ${position}`,
        );
    },
  };
}

/** The position checks of one connection. */
export type PositionRun = ReturnType<typeof createPositionRun>;
