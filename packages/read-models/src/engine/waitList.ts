/** A timed-out read-your-writes wait: the caller answers 504 with this. */
export class ProjectionTimeoutError extends Error {
  readonly code = 'ERR_PROJECTION_TIMEOUT';
  constructor(
    readonly position: bigint,
    readonly behind: readonly string[],
  ) {
    super(
      `Dữ liệu chưa cập nhật đến vị trí ${position} (${behind.join(', ')}) (views not yet at position ${position})`,
    );
    this.name = 'ProjectionTimeoutError';
  }
}

interface Waiter {
  names: readonly string[];
  position: bigint;
  done: () => void;
  fail: (error: Error) => void;
  positionOf: (name: string) => bigint;
}

/** Callers waiting for views to reach a position, woken as batches commit. */
export class WaitList {
  #waiters = new Set<Waiter>();

  wait(
    names: readonly string[],
    position: bigint,
    timeoutMs: number,
    positionOf: (name: string) => bigint,
  ): Promise<void> {
    if (names.every((n) => positionOf(n) >= position)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(
          new ProjectionTimeoutError(
            position,
            names.filter((n) => positionOf(n) < position),
          ),
        );
      }, timeoutMs);
      const waiter: Waiter = {
        names,
        position,
        positionOf,
        done: () => {
          clearTimeout(timer);
          resolve();
        },
        fail: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.#waiters.add(waiter);
    });
  }

  /** Called after a view commits: wakes every waiter whose views have all arrived. */
  wake(): void {
    for (const waiter of [...this.#waiters]) {
      if (waiter.names.every((n) => waiter.positionOf(n) >= waiter.position)) {
        this.#waiters.delete(waiter);
        waiter.done();
      }
    }
  }

  cancelAll(): void {
    for (const waiter of this.#waiters) waiter.fail(new Error('projection engine stopped'));
    this.#waiters.clear();
  }
}
