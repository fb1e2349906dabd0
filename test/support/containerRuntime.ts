import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Why container-backed suites are skipped, or null when a container runtime answered. */
    containerRuntimeMissing: string | null;
  }
}

/**
 * Asks testcontainers once per run whether a container runtime exists, so the EventStoreDB and
 * MongoDB suites can run against real servers, or skip with one line that says why.
 */
export default async function setup(project: TestProject): Promise<void> {
  let missing: string | null = null;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
  } catch (error) {
    missing = error instanceof Error ? error.message : String(error);
  }
  project.provide('containerRuntimeMissing', missing);
}
