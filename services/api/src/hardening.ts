import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest, FastifyServerOptions } from 'fastify';
import { HttpProblem } from './problems.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Counts a failed authentication of the request's client (set when the limit is on). */
    authFailed?: (request: FastifyRequest) => Promise<void>;
  }
}

export interface HardeningOptions {
  /** Failed authentications (401s) allowed per client IP in a window before 429; false: no limit. */
  authFailures?: { max?: number; timeWindowMs?: number } | false | undefined;
}

/** Limits that keep a slow or idle client from holding a socket (ms; 0 turns one off). */
export interface ServerTimeouts {
  /** To receive a whole request. */
  requestMs: number;
  /** To receive a request's headers. */
  headersMs: number;
  /** An idle keep-alive connection between requests. */
  keepAliveMs: number;
  /** A socket with no activity at all (not /ws, whose sockets have heartbeats). */
  connectionMs: number;
}

const TIMEOUTS: ServerTimeouts = {
  requestMs: 30_000,
  headersMs: 10_000,
  keepAliveMs: 5_000,
  connectionMs: 60_000,
};
/** Query parameters a client may (wrongly) put a token in. */
const URL_SECRETS = new Set(['token', 'access_token', 'id_token', 'refresh_token', 'jwt']);

function decoded(name: string): string {
  try {
    return decodeURIComponent(name.replaceAll('+', ' ')).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}

/** The URL with the value of every token-like query parameter replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const query = url
    .slice(start + 1)
    .split('&')
    .map((part) => {
      const name = part.split('=', 1)[0] ?? '';
      return URL_SECRETS.has(decoded(name)) ? `${name}=[redacted]` : part;
    });
  return `${url.slice(0, start + 1)}${query.join('&')}`;
}

// Fastify's own request serializer, but with the URL redacted: a token in a URL stays out of logs.
const requestForLog = (request: FastifyRequest) => ({
  method: request.method,
  url: redactUrl(request.url),
  host: request.host,
  remoteAddress: request.ip,
  remotePort: request.socket?.remotePort,
});
const childLogger: NonNullable<FastifyServerOptions['childLoggerFactory']> = (logger, bindings, options) =>
  logger.child(bindings, { ...options, serializers: { ...options.serializers, req: requestForLog } });

/** Fastify's server options: the timeouts (defaults overridden by `timeouts`) and the request log. */
export function serverOptions(timeouts: Partial<ServerTimeouts> = {}) {
  const t = { ...TIMEOUTS, ...timeouts };
  return {
    requestTimeout: t.requestMs,
    connectionTimeout: t.connectionMs,
    keepAliveTimeout: t.keepAliveMs,
    http: { headersTimeout: t.headersMs },
    childLoggerFactory: childLogger,
  };
}

// The API sends JSON only: nothing may load, run or frame it.
const API_CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ["'none'"],
  },
};
/** Routes that carry no personal data and may be cached. */
const PUBLIC = new Set([
  '/health',
  '/health/live',
  '/health/ready',
  '/docs',
  '/docs/',
  '/docs/openapi.json',
  '/docs/errors',
  // swagger-ui's own copy of the document and its assets (apiDocs.ts)
  '/docs/json',
  '/docs/yaml',
  '/docs/static/*',
]);

const limited = (seconds: number) =>
  new HttpProblem(
    429,
    'ERR_RATE_LIMITED',
    'Quá nhiều lần xác thực thất bại, vui lòng thử lại sau',
    `too many failed authentications; retry in ${seconds} s`,
  );

async function limitAuthFailures(app: FastifyInstance, max: number, timeWindow: number): Promise<void> {
  // The plugin counts every request it sees; we show it only the failures (a 401 already known),
  // and it tells when a client used up its window. Until then that client is refused before routing.
  await app.register(rateLimit, { global: false, max, timeWindow });
  const countFailure = app.createRateLimit();
  const blockedUntil = new Map<string, number>();
  app.decorate('authFailed', async (request: FastifyRequest) => {
    const limit = await countFailure(request);
    if (limit.isAllowed || limit.remaining > 0) return;
    if (blockedUntil.size >= 10_000) blockedUntil.delete(blockedUntil.keys().next().value as string);
    blockedUntil.set(limit.key, Date.now() + limit.ttl);
  });
  app.addHook('onRequest', async (request, reply) => {
    const until = blockedUntil.get(request.ip);
    if (until === undefined || request.routeOptions.url?.startsWith('/health')) return;
    if (until <= Date.now()) {
      blockedUntil.delete(request.ip);
      return;
    }
    const seconds = Math.ceil((until - Date.now()) / 1000);
    reply.header('retry-after', seconds);
    throw limited(seconds);
  });
  // An expired token is a real one its client should renew, not a guess: it does not count.
  app.addHook('onError', async (request, _reply, error) => {
    if (error instanceof HttpProblem && error.status === 401 && error.code !== 'ERR_TOKEN_EXPIRED')
      await app.authFailed?.(request);
  });
}

/**
 * Security headers on every reply (nosniff, a CSP that allows nothing, no framing), `no-store` on
 * every reply but the public ones, and a limit on failed authentications per client IP.
 */
async function hardeningPlugin(app: FastifyInstance, options: HardeningOptions): Promise<void> {
  await app.register(helmet, {
    global: false,
    contentSecurityPolicy: API_CSP,
    frameguard: { action: 'deny' },
  });
  app.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url;
    // /docs widens this for its own routes only (swagger-ui's transformStaticCSP, apiDocs.ts).
    reply.helmet();
    if (route === undefined || !PUBLIC.has(route)) reply.header('cache-control', 'no-store');
  });
  // An upgrade request answered over HTTP (404, 429…) holds a socket the HTTP server no longer
  // tracks or times out, and that would keep it from closing: end it with the reply.
  app.addHook('onResponse', async (request) => {
    const { connection, upgrade } = request.headers;
    if (upgrade !== undefined && /\bupgrade\b/i.test(connection ?? '')) request.raw.socket.destroy();
  });
  if (options.authFailures !== false)
    await limitAuthFailures(
      app,
      options.authFailures?.max ?? 20,
      options.authFailures?.timeWindowMs ?? 60_000,
    );
}

/** The hardening plugin; registered at the root, its hooks apply to every route (no encapsulation). */
export const hardening: FastifyPluginAsync<HardeningOptions> = Object.assign(hardeningPlugin, {
  [Symbol.for('skip-override')]: true,
});
