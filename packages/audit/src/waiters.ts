/** Promises that resolve once a condition on the ledger holds, re-checked after every event read. */
export function createWaiters(onTimeout: (why: string) => Error) {
  const waiters = new Set<{ ready(): boolean; resolve(): void }>();
  return {
    wake(): void {
      for (const waiter of waiters) {
        if (!waiter.ready()) continue;
        waiters.delete(waiter);
        waiter.resolve();
      }
    },
    until(ready: () => boolean, timeoutMs: number, why: string): Promise<void> {
      if (ready()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const waiter = { ready, resolve: () => (clearTimeout(deadline), resolve()) };
        const deadline = setTimeout(
          () => {
            waiters.delete(waiter);
            reject(onTimeout(why));
          },
          Math.max(timeoutMs, 0),
        );
        waiters.add(waiter);
      });
    },
  };
}
