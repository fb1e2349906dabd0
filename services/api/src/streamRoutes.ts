import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createCorrectionIndex, handleCommand, ORG_UNITS_ID, type CommandDeps } from '@dacxa/commands';
import {
  CALENDAR_ID,
  VBSP_RATES_ID,
  forEachAggregate,
  type AggregateKind,
  type Command,
  type DomainAggregate,
  type DomainEvent,
} from '@dacxa/domain';
import type { Sealer } from '@dacxa/protection';
import type { Caller, TokenKey } from './auth.js';
import { callerOf, requireCaller } from './callerHook.js';
import { cleaned } from './cleanedBody.js';
import { registerHistoryRoutes } from './historyRoutes.js';
import { problems } from './problemSchema.js';
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
  'subject-request': '/subject-requests/:id',
  'loan-list': '/loan-lists/:id',
  // One stream for the country, like the calendar.
  'vbsp-rates': '/vbsp-rates',
  'establishment-loan': '/establishment-loans/:id',
  breach: '/breaches/:id',
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

/** The headers a command may carry; every other header passes through untouched. */
const CommandHeaders = z.looseObject({
  'if-match': IfMatch.optional().describe('the stream revision last seen (412 when it is not the stream’s)'),
  'idempotency-key': IdempotencyKey.optional().describe('a retry returns the first result'),
  'occurred-on': OccurredOn.optional().describe(
    'when the act happened (Asia/Ho_Chi_Minh), never after the day of entry',
  ),
  'late-reason': LateReason.optional().describe(
    'why it is entered late (UTF-8, percent-encoded); required for a late entry',
  ),
});

const AppendResult = z
  .object({ revision: z.int(), position: z.string().describe('the log position, for minPosition') })
  .describe('recorded (ETag: the stream’s revision)')
  .meta({ id: 'AppendResult' });

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
  if (kind === 'vbsp-rates') return VBSP_RATES_ID;
  return IdParams.parse(params).id;
}

/** `{ [key]: value }`, or nothing when the header was absent. */
const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

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
  const api = app.withTypeProvider<ZodTypeProvider>();
  const corrections = createCorrectionIndex(deps.store);
  forEachAggregate({
    visit<C extends Command, E extends DomainEvent, S, X>(
      kind: AggregateKind,
      aggregate: DomainAggregate<C, E, S, X>,
    ) {
      const path = AGGREGATE_PATHS[kind];
      const tag = `${aggregate.label.vi} (${aggregate.label.en})`;
      for (const definition of aggregate.commands) {
        api.post(
          `${path}/commands/${definition.type}`,
          {
            preValidation: requireCaller(tokenKey),
            schema: {
              tags: [tag],
              operationId: `${kind}.${definition.type}`,
              summary: definition.label.vi,
              description: definition.label.en,
              ...(path.includes(':id') ? { params: IdParams } : {}),
              headers: CommandHeaders,
              body: cleaned(definition.schema),
              response: {
                201: AppendResult,
                ...problems(400, 401, 403, 404, 409, 412, 413, 422),
              },
            },
          },
          async (request, reply) => {
            // What the schema parsed (If-Match as a number, Late-Reason decoded), over the raw headers.
            const headers = request.headers as unknown as z.output<typeof CommandHeaders>;
            const result = await handleCommand(deps, kind, aggregate, {
              type: definition.type,
              id: idOf(kind, request.params),
              data: request.body,
              meta: metaOf(callerOf(request), now()),
              ...optional('expectedRevision', headers['if-match']),
              ...optional('idempotencyKey', headers['idempotency-key']),
              ...optional('occurredOn', headers['occurred-on']),
              ...optional('lateReason', headers['late-reason']),
            });
            return (
              reply
                // A replay answers as the first request was answered: the one result of the command.
                .status(201)
                .header('etag', `"${result.revision}"`)
                .send({ revision: result.revision, position: result.position.toString() })
            );
          },
        );
      }
      registerHistoryRoutes(app, { ...options, kind, path, aggregate, corrections });
    },
  });
}
