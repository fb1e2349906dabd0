import type { FastifyInstance } from 'fastify';
import underPressure from '@fastify/under-pressure';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EventStore } from '@dacxa/event-store';
import type { AuditOptions } from './auditRoutes.js';
import { HttpProblem, sendProblem } from './problems.js';
import { Problem, problems } from './problemSchema.js';
import type { ViewsOptions } from './viewRoutes.js';

/** A view or the ledger this far behind the log's head still counts as caught up (a burst's worth). */
export const READY_LAG = 1_000;
/** Above this event-loop delay (ms) new requests are shed with 503 before every request stalls. */
const MAX_EVENT_LOOP_DELAY_MS = 1_000;
/**
 * How often load shedding samples the loop: short, so that start-up, which holds the loop once to
 * build the OpenAPI document, waits a fifth of a second for a clean sample instead of a second.
 */
export const PRESSURE_SAMPLE_MS = 200;

interface HealthOptions {
  store: EventStore;
  views: ViewsOptions | undefined;
  audit: AuditOptions | undefined;
}

/**
 * Liveness and readiness, apart: `/health/live` answers while the process does; `/health/ready`
 * answers 503 until the stores answer and the views and the ledger have caught up with the log, so
 * a load balancer sends nothing to an instance that would answer from stale views. `/health` is the
 * detailed report either way.
 */
export function registerHealth(app: FastifyInstance, options: HealthOptions): void {
  async function report() {
    const problems: string[] = [];
    let head: bigint | null = null;
    try {
      head = await options.store.headPosition();
    } catch (error) {
      problems.push(`event store: ${error instanceof Error ? error.message : String(error)}`);
    }
    const views = (await options.views?.engine.health().catch(() => null)) ?? [];
    if (options.views && views.length === 0) problems.push('views: no health from the projections');
    for (const view of views)
      if (view.status !== 'running' || BigInt(view.lag) > BigInt(READY_LAG))
        problems.push(`view ${view.name}: ${view.status}, ${view.lag} events behind`);
    const ledger = options.audit?.ledger;
    // Positions are dense from 1 and every event is a leaf: the ledger's lag is head − size.
    if (ledger && head !== null && head - BigInt(ledger.size) > BigInt(READY_LAG))
      problems.push(`ledger: ${head - BigInt(ledger.size)} events behind`);
    const checkpoints = options.audit?.checkpoints?.health?.();
    // A witness that refused a checkpoint saw a history this log does not extend: an alarm.
    const status = checkpoints?.status === 'refused' ? ('alarm' as const) : ('ok' as const);
    return {
      status,
      ready: problems.length === 0,
      problems,
      views,
      ...(ledger ? { ledger: { treeSize: ledger.size } } : {}),
      ...(checkpoints ? { checkpoints } : {}),
    };
  }

  const api = app.withTypeProvider<ZodTypeProvider>();
  const open = (operationId: string, summary: string, description: string) => ({
    tags: ['Hệ thống (health)'],
    security: [],
    operationId,
    summary,
    description,
  });
  api.get(
    '/health',
    {
      schema: {
        ...open('health.report', 'Sức khỏe hệ thống', 'views, ledger, witnesses; `ready`'),
        response: { 200: HealthReport, ...problems() },
      },
    },
    async () => report(),
  );
  api.get(
    '/health/live',
    {
      schema: {
        ...open('health.live', 'Còn sống', 'answers while the process does'),
        response: { 200: z.object({ status: z.literal('live') }).describe('alive'), ...problems() },
      },
    },
    async () => ({ status: 'live' as const }),
  );
  api.get(
    '/health/ready',
    {
      schema: {
        ...open('health.ready', 'Sẵn sàng', '503 until stores answer and views and ledger are caught up'),
        response: {
          200: Readiness.describe('ready'),
          ...problems(),
          503: {
            description: 'not ready (its problems), or shedding load (problem+json)',
            content: {
              'application/json': { schema: Readiness },
              'application/problem+json': { schema: Problem },
            },
          },
        },
      },
    },
    async (_request, reply) => {
      const health = await report();
      return reply.status(health.ready ? 200 : 503).send({ ready: health.ready, problems: health.problems });
    },
  );
}

const Readiness = z.object({ ready: z.boolean(), problems: z.array(z.string()) });

const HealthReport = z
  .object({
    status: z.enum(['ok', 'alarm']).describe('alarm: a witness refused a checkpoint'),
    ready: z.boolean(),
    problems: z.array(z.string()),
    views: z.array(
      z.object({
        name: z.string(),
        status: z.enum(['running', 'failed', 'rebuilding']),
        position: z.string(),
        lag: z.string().describe('events behind the log’s head'),
        error: z
          .object({ message: z.string(), position: z.string(), eventId: z.string(), type: z.string() })
          .nullable(),
      }),
    ),
    ledger: z.object({ treeSize: z.int() }).optional(),
    checkpoints: z
      .object({
        status: z.enum(['ok', 'behind', 'refused']),
        treeSize: z.int(),
        publishedSize: z.int(),
        publishedAt: z.string().nullable(),
        witnesses: z.array(z.unknown()),
      })
      .optional()
      .describe('the published checkpoints and the witnesses’ states'),
  })
  .describe('views, ledger, witnesses');

/**
 * Sheds load: with the event loop delayed over 1 s, new requests get 503 and Retry-After. Registered
 * last, once the OpenAPI document is built (which holds the loop for a moment at start), on the root
 * instance (the plugin skips encapsulation): it watches every route.
 */
export async function shedLoad(app: FastifyInstance): Promise<void> {
  await app.register(underPressure, {
    maxEventLoopDelay: MAX_EVENT_LOOP_DELAY_MS,
    sampleInterval: PRESSURE_SAMPLE_MS,
    retryAfter: 5,
    exposeStatusRoute: false,
    pressureHandler: (request, reply, type, value) => {
      sendProblem(
        new HttpProblem(
          503,
          'ERR_OVERLOADED',
          'Máy chủ đang quá tải, vui lòng thử lại sau ít giây',
          `${type} at ${value ?? '?'}: shedding load`,
        ),
        request,
        reply.header('retry-after', '5'),
      );
    },
  });
}
