import type { Position } from '@dacxa/event-store';

/** The log position of every leaf, in one growable array: a million positions without a million objects. */
export class LeafPositions {
  #at = new BigInt64Array(1024);
  length = 0;

  push(position: Position): void {
    if (this.length === this.#at.length) {
      const bigger = new BigInt64Array(this.#at.length * 2);
      bigger.set(this.#at);
      this.#at = bigger;
    }
    this.#at[this.length++] = position;
  }

  at(leafIndex: number): Position {
    return this.#at[leafIndex] as bigint;
  }

  /** The last position read, or null before the first. */
  last(): Position | null {
    return this.length === 0 ? null : this.at(this.length - 1);
  }

  /** How many leaves lie at or before `position` (positions only grow). */
  countUpTo(position: Position): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at(mid) <= position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The leaf at `position`, or -1 when no leaf is there. */
  indexOf(position: Position): number {
    const count = this.countUpTo(position);
    return count > 0 && this.at(count - 1) === position ? count - 1 : -1;
  }
}
