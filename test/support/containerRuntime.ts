import type { TestProject } from 'vitest/node';
import { startEventStoreDb } from './eventStoreDbContainer.js';
import { startMongoDb } from './mongoContainer.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Why container-backed suites are skipped, or null when a container runtime answered. */
    containerRuntimeMissing: string | null;
    /** The connection string of the EventStoreDB started for this run, or null. */
    esdbConnectionString: string | null;
    /** The URL of the MongoDB replica set started for this run, or null. */
    mongoUrl: string | null;
  }
}

/**
 * Asks testcontainers once per run whether a container runtime exists. Where one does, the real
 * servers start here, once for the whole run; where none does, the suites that need them skip,
 * and this prints the one line that says why.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let missing: string | null = null;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
  } catch (error) {
    missing = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown';
  }
  project.provide('containerRuntimeMissing', missing);
  if (missing) {
    process.stdout.write(
      `EventStoreDB and MongoDB suites skipped: no container runtime here (${missing}).\n`,
    );
    project.provide('esdbConnectionString', null);
    project.provide('mongoUrl', null);
    return () => Promise.resolve();
  }
  const [esdb, mongo] = await Promise.all([startEventStoreDb(), startMongoDb()]);
  project.provide('esdbConnectionString', esdb.connectionString);
  project.provide('mongoUrl', mongo.url);
  return async () => {
    await Promise.all([esdb.stop(), mongo.stop()]);
  };
}
