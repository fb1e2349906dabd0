import type { FastifyInstance } from 'fastify';
import underPressure from '@fastify/under-pressure';
import type { EventStore } from '@dacxa/event-store';
import type { AuditOptions } from './auditRoutes.js';
import { HttpProblem, sendProblem } from './problems.js';
import type { ViewsOptions } from './viewRoutes.js';

/** A view or the ledger this far behind the log's head still counts as caught up (a burst's worth). */
export const READY_LAG = 1_000;
/** Above this event-loop delay (ms) new requests are shed with 503 before every request stalls. */
const MAX_EVENT_LOOP_DELAY_MS = 1_000;

interface HealthOptions {
  store: EventStore;
  views: ViewsOptions | undefined;
  audit: AuditOptions | undefined;
}

/**
 * Liveness and readiness, apart: `/health/live` answers while the process does; `/health/ready`
 * answers 503 until the stores answer and the views and the ledger have caught up with the log, so
 * a load balancer sends nothing to an instance that would answer from stale views. `/health` is the
 * detailed report either way. Under pressure (the event loop delayed over 1 s) new requests are
 * refused with 503 and Retry-After instead of joining the queue.
 */
export function registerHealth(app: FastifyInstance, options: HealthOptions): void {
  // Registered on the root instance (the plugin skips encapsulation): it watches every route.
  void app.register(underPressure, {
    maxEventLoopDelay: MAX_EVENT_LOOP_DELAY_MS,
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
    const status = checkpoints?.status === 'refused' ? 'alarm' : 'ok';
    return {
      status,
      ready: problems.length === 0,
      problems,
      views,
      ...(ledger ? { ledger: { treeSize: ledger.size } } : {}),
      ...(checkpoints ? { checkpoints } : {}),
    };
  }

  app.get('/health', async () => report());
  app.get('/health/live', async () => ({ status: 'live' }));
  app.get('/health/ready', async (_request, reply) => {
    const health = await report();
    return reply.status(health.ready ? 200 : 503).send({ ready: health.ready, problems: health.problems });
  });
}
