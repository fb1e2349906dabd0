import type { Logger } from 'pino';
import {
  ALL_PROJECTIONS,
  createProjectionEngine,
  createProjectionFollower,
  type ViewReader,
} from '@dacxa/read-models';
import type { Config } from './config.js';
import type { Stores } from './openStores.js';

/**
 * The views as an api process reads them: projected in this process (the embedded default), or
 * followed while `services/projector` projects them elsewhere (DACXA_PROJECTIONS=external).
 */
export function openViews(config: Config, stores: Stores, logger: Logger): ViewReader {
  const options = { events: stores.store, documents: stores.documents, projections: ALL_PROJECTIONS, logger };
  return config.DACXA_PROJECTIONS === 'external'
    ? createProjectionFollower(options)
    : // A lone change is pushed to live views after 1 ms, not 5: under load batches fill by count anyway.
      createProjectionEngine({ ...options, lingerMs: 1 });
}
