import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AGGREGATES,
  LocalDate,
  ROLES,
  eventDefinition,
  localDateAt,
  type Aggregate,
  type AggregateKind,
  type Command,
} from '@dacxa/domain';
import type { EventStore } from '@dacxa/event-store';
import type { Sealer } from '@dacxa/protection';
import { timelineText } from '@dacxa/read-models';
import { accessFor } from './accessFor.js';
import { authenticate, type Caller, type TokenKey } from './auth.js';
import { loadStream } from './loadStream.js';
import { HttpProblem } from './problems.js';
import { recordRead } from './recordRead.js';
import { runCommand } from './runCommand.js';
import { ORG_UNITS_ID, type UnitScope } from './unitScope.js';

/** Where each aggregate lives in the API; the org-unit tree is one stream, so it has no id. */
export const AGGREGATE_PATHS: Record<AggregateKind, string> = {
  case: '/cases/:id',
  plan: '/plans/:id',
  task: '/tasks/:id',
  report: '/reports/:id',
  oversight: '/oversight/:id',
  round: '/rounds/:id',
  dossier: '/dossiers/:id',
  'org-units': '/org-units',
};

const IdParams = z.object({ id: z.uuid() });
const HistoryQuery = z
  .object({
    asOf: LocalDate.optional(),
    /** The last revision of the previous page. */
    after: z.coerce.number().int().min(-1).default(-1),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();
const IfMatch = z
  .string()
  .regex(/^"?\d+"?$/, 'If-Match là số phiên bản của hồ sơ')
  .transform((v) => Number(v.replaceAll('"', '')));

export interface StreamRoutesOptions {
  store: EventStore;
  sealer: Sealer;
  tokenKey: TokenKey;
  scope: UnitScope;
  now: () => Date;
}

function streamOf(kind: AggregateKind, params: unknown): { id: string; stream: string } {
  const id = kind === 'org-units' ? ORG_UNITS_ID : IdParams.parse(params).id;
  return { id, stream: `${kind}-${id}` };
}

/**
 * For every aggregate: one route per command, validated by the command's own zod schema; its
 * history (paged, or as it stood on a date), and a readable Vietnamese timeline.
 */
export function registerStreamRoutes(app: FastifyInstance, options: StreamRoutesOptions): void {
  const { store, sealer, tokenKey, scope, now } = options;
  for (const [kind, path] of Object.entries(AGGREGATE_PATHS) as Array<[AggregateKind, string]>) {
    const aggregate: Aggregate = AGGREGATES[kind];
    for (const definition of aggregate.commands) {
      app.post(`${path}/commands/${definition.type}`, async (request, reply) => {
        const caller = await authenticate(request, tokenKey);
        const { id, stream } = streamOf(kind, request.params);
        const data = definition.schema.parse(request.body) as Record<string, unknown>;
        const named = aggregate.idField ? data[aggregate.idField] : undefined;
        if (named !== undefined && named !== id) {
          throw new HttpProblem(
            400,
            'ERR_ID_MISMATCH',
            'Mã trong nội dung khác mã trên đường dẫn',
            `${aggregate.idField ?? 'id'} differs from the id in the path`,
          );
        }
        const idempotencyKey = request.headers['idempotency-key'];
        const ifMatch = request.headers['if-match'];
        const command: Command = {
          type: definition.type,
          data,
          meta: {
            actor: caller.actor,
            role: caller.role,
            unit: caller.unit,
            now: now().toISOString(),
            ...(typeof idempotencyKey === 'string' ? { commandId: idempotencyKey } : {}),
          },
        };
        const expected = typeof ifMatch === 'string' ? IfMatch.parse(ifMatch) : undefined;
        const result = await runCommand(store, sealer, aggregate, stream, command, expected);
        return reply
          .status(201)
          .header('etag', `"${result.revision}"`)
          .send({ revision: result.revision, position: result.position.toString() });
      });
    }

    /** The stream folded up to `asOf`, refused unless the caller's unit holds it. */
    async function readable(caller: Caller, stream: string, asOf: string | undefined) {
      const loaded = await loadStream(
        store,
        sealer,
        aggregate,
        stream,
        (event) => !asOf || localDateAt(event.occurredAt) <= asOf,
      );
      if (loaded.events.length === 0) throw new HttpProblem(404, 'ERR_NOT_FOUND', 'Không tìm thấy hồ sơ');
      const holders = aggregate.holders(loaded.state);
      if (!(await scope.covers(caller, holders, now()))) {
        throw new HttpProblem(403, 'ERR_FORBIDDEN', 'Hồ sơ không thuộc phạm vi đơn vị của bạn');
      }
      return { ...loaded, scopeUnit: holders === 'province' ? 'province' : (holders[0] ?? caller.unit) };
    }

    app.get(`${path}/history`, async (request) => {
      const caller = await authenticate(request, tokenKey);
      const { id, stream } = streamOf(kind, request.params);
      const query = HistoryQuery.parse(request.query);
      const { state, events: stored, scopeUnit } = await readable(caller, stream, query.asOf);
      const page = stored.filter((e) => e.revision > query.after).slice(0, query.limit);
      const access = accessFor(caller);
      await recordRead(store, caller, access, { kind: 'history', target: stream, scopeUnit }, now());
      const events = await Promise.all(page.map((event) => sealer.unsealEvent(event, access)));
      const last = page.at(-1);
      return {
        kind,
        id,
        asOf: query.asOf ?? null,
        status: (state as { status?: unknown }).status ?? null,
        revision: stored.at(-1)?.revision,
        events: events.map((event) => ({
          revision: event.revision,
          position: event.position.toString(),
          type: event.type,
          label: eventDefinition(event.type)?.label.vi ?? event.type,
          occurredAt: event.occurredAt,
          actor: event.metadata.actor,
          data: event.data,
        })),
        next: last && last.revision < (stored.at(-1)?.revision ?? -1) ? String(last.revision) : null,
      };
    });

    app.get(`${path}/timeline`, async (request, reply) => {
      const caller = await authenticate(request, tokenKey);
      const { stream } = streamOf(kind, request.params);
      const { events, scopeUnit } = await readable(caller, stream, undefined);
      await recordRead(
        store,
        caller,
        accessFor(caller),
        { kind: 'timeline', target: stream, scopeUnit },
        now(),
      );
      // The events already read for the scope check, in Vietnamese, by day (stable: log order within a day).
      const entries = events
        .map((event) => {
          const role = ROLES[event.metadata.role as keyof typeof ROLES] as { vi: string } | undefined;
          const text = timelineText(event);
          return {
            stream,
            position: event.position.toString(),
            occurredOn: localDateAt(event.occurredAt),
            type: event.type,
            text: role ? `${text} (${role.vi})` : text,
          };
        })
        .sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0));
      if (request.headers.accept?.includes('text/plain')) {
        return reply.type('text/plain; charset=utf-8').send(entries.map((e) => e.text).join('\n') + '\n');
      }
      return { title: aggregate.label.vi, entries };
    });
  }
}
