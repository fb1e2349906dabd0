import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import { ALL_PROJECTIONS, createProjectionEngine } from '@dacxa/read-models';
import { systemCommands } from '@dacxa/commands';
import {
  createCertificateFollower,
  createClock,
  createScheduler,
  openLedger,
  openStores,
  type Config,
} from '@dacxa/runtime';

/**
 * Runs every projection until `stopped` resolves, then lets the batch in flight commit and closes
 * the stores. Health (each view's position, lag and any failure) is served on PORT for probes.
 */
export async function runProjector(config: Config, logger: Logger, stopped: Promise<void>): Promise<void> {
  const stores = await openStores(config, logger, { writerThreads: true });
  const engine = createProjectionEngine({
    events: stores.store,
    documents: stores.documents,
    projections: ALL_PROJECTIONS,
    logger,
  });
  engine.start();
  // The projector is the one process that signs tree heads; api instances follow.
  const { ledger } = openLedger(config, stores, logger, 'signs');
  ledger.start();
  // Deadlines are swept where projections run; a second projector's sweeps replay, never duplicate.
  const { handle, personOf, schedule } = systemCommands(stores.store, stores.sealer);
  const clock = createClock(config.DACXA_CLOCK);
  if (config.DACXA_CLOCK) logger.info({ clock: config.DACXA_CLOCK }, 'fixed clock (demo or test)');
  const scheduler = createScheduler({
    clock,
    events: stores.store,
    documents: stores.documents,
    views: engine,
    handle,
    schedule,
    logger,
  });
  scheduler.start();
  // Each certificate opens the expected case at its destination; a second projector's sends replay.
  const follower = createCertificateFollower({
    clock,
    events: stores.store,
    documents: stores.documents,
    views: engine,
    handle,
    personOf,
    logger,
  });
  follower.start();
  const health: Server = createServer((request, response) => {
    if (request.url !== '/health') {
      response.writeHead(404).end();
      return;
    }
    void engine.health().then((views) => {
      const failed = views.some((v) => v.status === 'failed');
      response
        .writeHead(failed ? 503 : 200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: failed ? 'failed' : 'ok', views }));
    });
  });
  await new Promise<void>((resolve) => health.listen(config.PORT, config.HOST, resolve));
  const address = health.address();
  logger.info({ port: typeof address === 'object' ? address?.port : config.PORT }, 'projector running');
  await stopped;
  logger.info('projector stopping: committing the batch in flight');
  await new Promise((resolve) => health.close(resolve));
  await scheduler.stop();
  await follower.stop();
  await ledger.signNow().catch((err: unknown) => logger.warn({ err }, 'no final tree head'));
  await ledger.stop();
  await engine.stop();
  await stores.close();
  logger.info('projector stopped');
}
