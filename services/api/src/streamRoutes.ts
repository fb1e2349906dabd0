import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createCorrectionIndex, handleCommand, ORG_UNITS_ID, type CommandDeps } from '@dacxa/commands';
import {
  CALENDAR_ID,
  forEachAggregate,
  type AggregateKind,
  type Command,
  type DomainAggregate,
  type DomainEvent,
} from '@dacxa/domain';
import type { Sealer } from '@dacxa/protection';
import { authenticate, type Caller, type TokenKey } from './auth.js';
import { registerHistoryRoutes } from './historyRoutes.js';
import type { UnitScope } from './unitScope.js';

/** Where each aggregate lives in the API; the org-unit tree and the calendar are one stream each, with no id. */
export const AGGREGATE_PATHS: Record<AggregateKind, string> = {
  case: '/cases/:id',
  plan: '/plans/:id',
  task: '/tasks/:id',
  report: '/reports/:id',
  oversight: '/oversight/:id',
  round: '/rounds/:id',
  dossier: '/dossiers/:id',
  'org-units': '/org-units',
  // One stream for the country: amendments are later publications to it.
  calendar: '/calendar',
  correction: '/corrections/:id',
};

const IdParams = z.object({ id: z.uuid() });
const IfMatch = z
  .string()
  .regex(/^"?\d{1,15}"?$/, 'If-Match là số phiên bản của hồ sơ')
  .transform((v) => Number(v.replaceAll('"', '')));
/** When the act happened, if before its entry (Asia/Ho_Chi_Minh date). */
const OccurredOn = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Occurred-On là một ngày YYYY-MM-DD');
/** Why it is entered late: UTF-8, percent-encoded (a header carries no Vietnamese as it is). */
const LateReason = z
  .string()
  .max(3000)
  .transform((v, ctx) => {
    try {
      return decodeURIComponent(v);
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'Late-Reason phải mã hóa phần trăm UTF-8 (percent-encoded UTF-8)',
      });
      return z.NEVER;
    }
  });
const IdempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{1,200}$/, 'Idempotency-Key gồm 1–200 ký tự ASCII in được');

export interface StreamRoutesOptions {
  deps: CommandDeps;
  sealer: Sealer;
  tokenKey: TokenKey;
  scope: UnitScope;
  now: () => Date;
}

/** The aggregate id in the address (the unit tree has one). */
export function idOf(kind: AggregateKind, params: unknown): string {
  if (kind === 'org-units') return ORG_UNITS_ID;
  if (kind === 'calendar') return CALENDAR_ID;
  return IdParams.parse(params).id;
}

const header = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/** The instant and who: what a command carries besides what the person decided. */
const metaOf = (caller: Caller, now: Date) => ({
  actor: caller.actor,
  role: caller.role,
  unit: caller.unit,
  now: now.toISOString(),
});

/**
 * For every aggregate: one route per command, handled by the shared command handler (schema,
 * access policy, context from the log, retries, idempotency), and its history and timeline.
 */
export function registerStreamRoutes(app: FastifyInstance, options: StreamRoutesOptions): void {
  const { deps, tokenKey, now } = options;
  const corrections = createCorrectionIndex(deps.store);
  forEachAggregate({
    visit<C extends Command, E extends DomainEvent, S, X>(
      kind: AggregateKind,
      aggregate: DomainAggregate<C, E, S, X>,
    ) {
      const path = AGGREGATE_PATHS[kind];
      for (const definition of aggregate.commands) {
        app.post(`${path}/commands/${definition.type}`, async (request, reply) => {
          const caller = await authenticate(request, tokenKey);
          const ifMatch = header(request.headers['if-match']);
          const key = header(request.headers['idempotency-key']);
          const occurredOn = header(request.headers['occurred-on']);
          const lateReason = header(request.headers['late-reason']);
          const result = await handleCommand(deps, kind, aggregate, {
            type: definition.type,
            id: idOf(kind, request.params),
            data: request.body,
            meta: metaOf(caller, now()),
            ...(ifMatch !== undefined ? { expectedRevision: IfMatch.parse(ifMatch) } : {}),
            ...(key !== undefined ? { idempotencyKey: IdempotencyKey.parse(key) } : {}),
            ...(occurredOn !== undefined ? { occurredOn: OccurredOn.parse(occurredOn) } : {}),
            ...(lateReason !== undefined ? { lateReason: LateReason.parse(lateReason) } : {}),
          });
          return (
            reply
              // A replay answers as the first request was answered: the one result of the command.
              .status(201)
              .header('etag', `"${result.revision}"`)
              .send({ revision: result.revision, position: result.position.toString() })
          );
        });
      }
      registerHistoryRoutes(app, { ...options, kind, path, aggregate, corrections });
    },
  });
}
