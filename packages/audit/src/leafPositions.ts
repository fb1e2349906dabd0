import type { Position } from '@dacxa/event-store';

/** The log position of every leaf, in one growable array: a million positions without a million objects. */
export class LeafPositions {
  #at: BigInt64Array;
  length: number;

  /** No positions, or those `stored` holds (8 bytes each, as `bytes` gives them). */
  constructor(stored?: Uint8Array) {
    const length = stored ? stored.length / 8 : 0;
    if (!Number.isInteger(length)) throw new RangeError(`${stored?.length} bytes are not whole positions`);
    this.#at = new BigInt64Array(Math.max(1024, length * 2));
    if (stored) new Uint8Array(this.#at.buffer).set(stored);
    this.length = length;
  }

  /** The positions of leaves `from` up to `to`, as bytes (a view, for saving). */
  bytes(from: number, to: number): Buffer {
    return Buffer.from(this.#at.buffer, from * 8, (to - from) * 8);
  }

  /** Whether the positions only grow, as the log's do. */
  ascending(): boolean {
    for (let i = 1; i < this.length; i++)
      if ((this.#at[i] as bigint) <= (this.#at[i - 1] as bigint)) return false;
    return true;
  }

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
