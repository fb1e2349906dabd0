import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAggregateCache, createGrantIndex, createOrgTree, type OrgTree } from '@dacxa/commands';
import type { EventStore } from '@dacxa/event-store';
import type { Sealer } from '@dacxa/protection';
import { registerAuditRoutes, type AuditOptions } from './auditRoutes.js';
import { registerApiDocs } from './apiDocs.js';
import type { TokenKey, TokenPolicy } from './auth.js';
import { callerOf, requireCaller } from './callerHook.js';
import { PRESSURE_SAMPLE_MS, registerHealth, shedLoad } from './health.js';
import { hardening, serverOptions, type HardeningOptions, type ServerTimeouts } from './hardening.js';
import { registerLiveViews, type LiveViewsOptions } from './liveViews.js';
import { registerExportRoute } from './exportRoute.js';
import { HttpProblem, sendProblem } from './problems.js';
import { problems } from './problemSchema.js';
import { refuseCommands } from './readOnly.js';
import { registerOrgUnitRoutes } from './orgUnitRoutes.js';
import { registerReportRoutes } from './reportRoutes.js';
import { registerPeopleRoutes } from './peopleRoutes.js';
import { registerStreamRoutes } from './streamRoutes.js';
import { createUnitScope, type UnitScope } from './unitScope.js';
import { registerViewRoutes, type ViewsOptions } from './viewRoutes.js';
import { Role } from '@dacxa/domain';
import { consolePlugin } from '@dacxa/console';
import { issueDevToken } from './devToken.js';

/** A route as registered: its method and URL pattern. */
export interface RouteSummary {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route of the app, as registered. */
    routeList: readonly RouteSummary[];
  }
}

export interface AppOptions {
  store: EventStore;
  sealer: Sealer;
  tokenKey: TokenKey;
  logger: FastifyBaseLogger;
  /** The projections and their documents; views (HTTP and /ws) are served when given. */
  views?: ViewsOptions;
  /** Heartbeat and back-pressure limits of /ws. */
  live?: Pick<LiveViewsOptions, 'heartbeatMs' | 'maxBufferedBytes' | 'authTimeoutMs'>;
  /** The ledger: proofs, tree heads and the public key at /audit. */
  audit?: AuditOptions;
  /** The clock: commands carry the instant they were received, the domain never reads one. */
  now?: () => Date;
  /** What every token must satisfy: longest lifetime (12 h), clock skew (60 s), a known unit. */
  tokenPolicy?: TokenPolicy;
  /** Failed authentications per client IP before 429 (20 a minute); false turns the limit off. */
  authFailures?: HardeningOptions['authFailures'];
  /** Server timeouts against slow clients (request 30 s, headers 10 s, keep-alive 5 s, idle 60 s). */
  timeouts?: Partial<ServerTimeouts>;
  /** Serve reads only: every command is refused with 503 (an investigation, docs/architecture.md). */
  readOnly?: boolean;
  /**
   * The console's role picker signs in any of the demo's invented people: only for the demo
   * (`DACXA_SEED_DEMO`) on the service's own token secret, never for a deployment's real data.
   */
  demoSignIn?: boolean;
  /** With a JWKS: the OpenID Connect provider and client the console signs people in with. */
  oidc?: { issuer: string; clientId: string } | undefined;
}

/** Bodies larger than any command needs are refused before parsing (413). */
const BODY_LIMIT = 256 * 1024;

/**
 * The HTTP service: one route per command of every aggregate, validated by the command's own zod
 * schema; histories, timelines and views opened for the caller's role inside the caller's unit;
 * live views over WebSocket.
 */
export function buildApp(options: AppOptions): FastifyInstance {
  const { store } = options;
  // zod's own messages in Vietnamese; a schema's custom `error:` (the domain's bilingual words) still wins.
  z.config(z.locales.vi());
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: BODY_LIMIT,
    genReqId: () => crypto.randomUUID(),
    ...serverOptions(options.timeouts),
  });
  // Every route the app serves, as registered: the garbage properties walk them all.
  const routes: RouteSummary[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  app.decorate('routeList', routes);
  const tree = createOrgTree(store);
  const scope = createUnitScope(tree);
  // A token must name a unit of the organisation tree (the policy decides everything from it).
  app.decorate('tokenPolicy', { knownUnit: (unit: string) => scope.knownUnit(unit), ...options.tokenPolicy });
  app.register(hardening, { authFailures: options.authFailures });
  // The console's role picker signs demo people in only where the service signs its own tokens.
  const secret = options.demoSignIn && options.tokenKey instanceof Uint8Array ? options.tokenKey : null;
  app.register(consolePlugin, {
    tokenKey: options.tokenKey,
    oidc: options.tokenKey instanceof Uint8Array ? undefined : options.oidc,
    ...(secret
      ? {
          issueToken: (caller: { actor: string; role: string; unit: string }, seconds: number) =>
            issueDevToken(secret, { ...caller, role: Role.parse(caller.role) }, `${seconds}s`),
        }
      : {}),
  });
  app.setErrorHandler((error, request, reply) => sendProblem(error, request, reply));
  if (options.readOnly) refuseCommands(app);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(new HttpProblem(404, 'ERR_NOT_FOUND', 'Không tìm thấy'), request, reply),
  );

  // The routes declare their schemas in zod; @fastify/swagger, registered first, sees every route.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.register(
    Object.assign(
      async (root: FastifyInstance) => {
        await shedLoad(root);
        await registerApiDocs(root);
        registerRoutes(root, options, { tree, scope, now });
        root.addHook('onReady', async () => documentAtStart(root));
      },
      { [Symbol.for('skip-override')]: true },
    ),
  );
  return app;
}

/**
 * The OpenAPI document takes a few hundred ms of the event loop to generate: once, at start, never
 * by a request. Load shedding would read that as a loaded loop and refuse the first requests, so
 * start-up waits for its next sample to see the loop free again (a few seconds at most).
 */
async function documentAtStart(app: FastifyInstance): Promise<void> {
  app.swagger();
  const generated = Date.now();
  while (Date.now() - generated < PRESSURE_SAMPLE_MS + 100 || app.isUnderPressure()) {
    if (Date.now() - generated > 5 * PRESSURE_SAMPLE_MS) break;
    await sleep(50);
  }
}

const Me = z
  .object({ actor: z.string(), role: Role, unit: z.string() })
  .describe('the caller the token names');

function registerMe(app: FastifyInstance, tokenKey: TokenKey): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/me',
    {
      preValidation: requireCaller(tokenKey),
      schema: {
        tags: ['Hệ thống (health)'],
        operationId: 'me',
        summary: 'Người gọi',
        description: 'the caller the token names',
        response: { 200: Me, ...problems(401) },
      },
    },
    async (request) => callerOf(request),
  );
}

/** Every route of the service, registered once the contract's plugins are. */
function registerRoutes(
  app: FastifyInstance,
  options: AppOptions,
  { tree, scope, now }: { tree: OrgTree; scope: UnitScope; now: () => Date },
): void {
  const { store, sealer, tokenKey } = options;
  registerHealth(app, { store, views: options.views, audit: options.audit });
  registerMe(app, tokenKey);

  registerOrgUnitRoutes(app, { tree, tokenKey, now });
  registerReportRoutes(app, { store, sealer, tokenKey, scope, now });
  registerStreamRoutes(app, {
    // The aggregate cache: a steady-state command reads only what its case gained since the last.
    deps: { store, sealer, tree, grants: createGrantIndex(store), aggregates: createAggregateCache() },
    sealer,
    tokenKey,
    scope,
    now,
  });
  if (options.audit) {
    registerAuditRoutes(app, { ...options.audit, tokenKey, scope, store, now });
    registerExportRoute(app, { ledger: options.audit.ledger, store, tokenKey, scope, now });
  }
  if (options.views) {
    registerViewRoutes(app, { tokenKey, scope, views: options.views, now, store });
    registerLiveViews(app, { tokenKey, scope, views: options.views, now, store, ...options.live });
    registerPeopleRoutes(app, { store, sealer, keys: options.views.keys, tokenKey, scope, now });
  }
}
