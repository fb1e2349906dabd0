/**
 * Wakes subscriptions when the log grows. `version` is read before a subscription looks for new
 * events, and `waitSince(version)` returns at once if anything was appended in between, so a wake-up
 * that lands between "nothing new" and "wait" is never lost.
 */
export class Notifier {
  #version = 0;
  #waiters = new Set<() => void>();

  get version(): number {
    return this.#version;
  }

  /** How many subscriptions are waiting; a poller runs only while this is above zero. */
  get waiting(): number {
    return this.#waiters.size;
  }

  notify(): void {
    this.#version++;
    const waiters = [...this.#waiters];
    this.#waiters.clear();
    for (const wake of waiters) wake();
  }

  waitSince(version: number, signal?: AbortSignal): Promise<void> {
    if (version !== this.#version || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        this.#waiters.delete(wake);
        signal?.removeEventListener('abort', wake);
        resolve();
      };
      this.#waiters.add(wake);
      signal?.addEventListener('abort', wake, { once: true });
    });
  }
}
