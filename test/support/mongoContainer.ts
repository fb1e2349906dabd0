import { GenericContainer, Wait } from 'testcontainers';

/** The MongoDB image the suites run against; the same as infra/compose.yaml. */
export const MONGODB_IMAGE = 'mongo:7.0';

/**
 * Starts a single-node MongoDB replica set for one test run, so the adapter's transactional path
 * is the one tested.
 */
export async function startMongoDb(): Promise<{ url: string; stop: () => Promise<void> }> {
  const container = await new GenericContainer(MONGODB_IMAGE)
    .withCommand(['--replSet', 'rs0', '--bind_ip_all'])
    .withExposedPorts(27017)
    .withWaitStrategy(Wait.forLogMessage(/Waiting for connections/))
    .withStartupTimeout(120_000)
    .start();
  await container.exec([
    'mongosh',
    '--quiet',
    '--eval',
    "rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'localhost:27017' }] })",
  ]);
  return {
    url: `mongodb://${container.getHost()}:${container.getMappedPort(27017)}/?directConnection=true`,
    stop: async () => {
      await container.stop();
    },
  };
}
