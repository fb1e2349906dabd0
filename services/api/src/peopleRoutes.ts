import type { FastifyInstance } from 'fastify';
import type { EventStore } from '@dacxa/event-store';
import type { DataKeys, Sealer } from '@dacxa/protection';
import type { TokenKey } from './auth.js';
import { registerErasureRoutes } from './peopleErasureRoutes.js';
import { registerReadsRoute } from './peopleReadsRoute.js';
import { registerSubjectAccessRoute } from './peopleSubjectAccessRoutes.js';
import type { UnitScope } from './unitScope.js';

/** What the rights routes need: the log, the sealer and the data keys they open and erase with. */
export interface PeopleRoutesOptions {
  store: EventStore;
  sealer: Sealer;
  keys: DataKeys;
  tokenKey: TokenKey;
  scope: UnitScope;
  now: () => Date;
}

/**
 * A person's rights over HTTP (docs/personal-data.md): four-eyes erasure, subject access and their
 * read history, each decided by the access policy's `personal-data` grants and recorded in the log.
 * Master-key rotation is never offered here: it is `dacxa rotate-master-key` on the machine.
 */
export function registerPeopleRoutes(app: FastifyInstance, options: PeopleRoutesOptions): void {
  registerErasureRoutes(app, options);
  registerSubjectAccessRoute(app, options);
  registerReadsRoute(app, options);
}
