import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { consoleCsp } from './consoleCsp.js';
import { DEMO_PEOPLE } from './demoPeople.js';
import { isPage } from './pageRoutes.js';

/** How the console signs people in: the OpenID Connect provider and the client it is registered as. */
export interface OidcOptions {
  issuer: string;
  clientId: string;
}

export interface ConsoleOptions {
  /** The service's token key: a local HS256 secret (demo: the role picker signs tokens) or a JWKS. */
  tokenKey: Uint8Array | ((...args: never[]) => unknown);
  /**
   * Signs a development token for a demo person with the service's own secret (services/api's
   * `issueDevToken`, through jose): given only when the service signs its own tokens.
   */
  issueToken?: (
    caller: { actor: string; role: string; unit: string },
    lifetimeSeconds: number,
  ) => Promise<string>;
  /** With a JWKS: the identity provider the page signs in with (authorization code + PKCE). */
  oidc?: OidcOptions | undefined;
  /** The built page (services/console/dist by default). */
  distDir?: string | undefined;
}

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const DEV_TOKEN_SECONDS = 8 * 3600;
const ASSETS = /^\/assets\//;

function filesOf(dir: string): Set<string> {
  const found = new Set<string>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!/\.(br|gz)$/.test(name)) found.add(`/${relative(dir, path).split(sep).join('/')}`);
    }
  };
  walk(dir);
  return found;
}

const pathOf = (url: string) => url.split('?', 1)[0] ?? '/';

function signInConfig(options: ConsoleOptions) {
  if (options.issueToken)
    return {
      mode: 'demo' as const,
      people: DEMO_PEOPLE.map(({ id, role, unit, label }) => ({ id, role, unit, label })),
    };
  if (options.oidc) return { mode: 'oidc' as const, oidc: options.oidc };
  return { mode: 'none' as const };
}

/** The service's token rules (services/api decorates the app with them): a known unit, the longest lifetime. */
interface TokenRules {
  knownUnit?: (unit: string) => Promise<boolean>;
  maxLifetimeSeconds?: number;
}
const rulesOf = (app: FastifyInstance) => (app as unknown as { tokenPolicy?: TokenRules }).tokenPolicy ?? {};

type IssueToken = NonNullable<ConsoleOptions['issueToken']>;

async function signIn(app: FastifyInstance, issue: IssueToken, request: FastifyRequest, reply: FastifyReply) {
  const rules = rulesOf(app);
  const id = (request.body as { person?: unknown } | undefined)?.person;
  const person = DEMO_PEOPLE.find((p) => p.id === id);
  const known = person && (await (rules.knownUnit?.(person.unit) ?? Promise.resolve(true)));
  if (!person || !known)
    return reply.code(400).type('application/problem+json').send({
      title: 'Người đăng nhập không có trong dữ liệu minh họa',
      status: 400,
      code: 'ERR_VALIDATION',
    });
  const lifetime = Math.min(DEV_TOKEN_SECONDS, rules.maxLifetimeSeconds ?? DEV_TOKEN_SECONDS);
  const token = await issue({ actor: person.actor, role: person.role, unit: person.unit }, lifetime);
  const expiresAt = Date.now() + lifetime * 1000;
  request.log.info({ role: person.role, unit: person.unit }, 'console demo sign-in');
  return reply.send({
    token,
    expiresAt,
    caller: { actor: person.actor, role: person.role, unit: person.unit },
  });
}

/**
 * The console, served from the same origin as the API: the built page and its assets, its page
 * paths answered with index.html, `GET /console/config` (how to sign in) and, in the demo only
 * (the service signs its own tokens), `POST /console/sign-in` for a person of the demo. It answers
 * only requests no API route matched (a fallback before the 404), so it can never shadow one and
 * adds nothing to the API's routes or its OpenAPI document.
 */
async function consolePluginImpl(app: FastifyInstance, options: ConsoleOptions): Promise<void> {
  const dist = options.distDir ?? DIST;
  if (!existsSync(join(dist, 'index.html'))) {
    app.log.warn({ dist }, 'console not built: run `npx pnpm --filter @dacxa/console build`');
    return;
  }
  let files: Set<string>;
  try {
    files = filesOf(dist);
  } catch (err) {
    // A build rewriting dist as the service starts (a test run builds it beside other suites).
    app.log.warn({ err, dist }, 'console files unreadable: not served');
    return;
  }
  const issue = options.issueToken ?? null;
  const config = signInConfig(options);
  const csp = consoleCsp(options.oidc ? [new URL(options.oidc.issuer).origin] : []);
  // serve: false: no route of its own, only reply.sendFile (with .br/.gz chosen by Accept-Encoding).
  await app.register(fastifyStatic, { root: dist, serve: false, preCompressed: true });
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== undefined) return;
    const path = pathOf(request.url);
    if (request.method === 'GET' && path === '/console/config') return reply.send(config);
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    if (files.has(path) && path !== '/index.html') {
      reply.header('content-security-policy', csp);
      return ASSETS.test(path)
        ? reply.sendFile(path.slice(1), { maxAge: '1y', immutable: true })
        : reply.sendFile(path.slice(1));
    }
    if (isPage(path)) {
      reply.header('content-security-policy', csp);
      reply.header('cache-control', 'no-cache');
      // The provider's popup must keep its opener to hand the response back (web/lib/oidc.ts):
      // pages may open it (allow-popups), and the callback must not sever it on its way home.
      if (options.oidc)
        reply.header(
          'cross-origin-opener-policy',
          path === '/oidc/callback' ? 'unsafe-none' : 'same-origin-allow-popups',
        );
      return reply.sendFile('index.html');
    }
  });
  // The body is parsed by then: a POST no API route matched, on its way to the 404.
  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url !== undefined || request.method !== 'POST') return;
    if (pathOf(request.url) !== '/console/sign-in') return;
    if (!issue) return;
    return signIn(app, issue, request, reply);
  });
}

/** The console plugin (services/console): registered at the root, its hooks see every request. */
export const consolePlugin = Object.assign(consolePluginImpl, { [Symbol.for('skip-override')]: true });
