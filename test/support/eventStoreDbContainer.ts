import { GenericContainer, Wait } from 'testcontainers';

/** The EventStoreDB image the suites run against; the same as infra/compose.yaml. */
export const EVENTSTOREDB_IMAGE = 'eventstore/eventstore:24.10';

/** Starts a single insecure in-memory EventStoreDB node for one test run. */
export async function startEventStoreDb(): Promise<{ connectionString: string; stop: () => Promise<void> }> {
  const container = await new GenericContainer(EVENTSTOREDB_IMAGE)
    .withEnvironment({
      EVENTSTORE_CLUSTER_SIZE: '1',
      EVENTSTORE_RUN_PROJECTIONS: 'None',
      EVENTSTORE_INSECURE: 'true',
      EVENTSTORE_MEM_DB: 'true',
      // Room for a 1 MiB event inside its envelope (the server's default limit is 1 MiB per append).
      EVENTSTORE_MAX_APPEND_SIZE: String(4 * 1024 * 1024),
    })
    .withExposedPorts(2113)
    .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
    .withStartupTimeout(120_000)
    .start();
  return {
    connectionString: `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`,
    stop: async () => {
      await container.stop();
    },
  };
}
