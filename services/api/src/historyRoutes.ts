import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  loadAggregate,
  type CommandDeps,
  type CorrectionIndex,
  type RecordedCorrection,
} from '@dacxa/commands';
import {
  ROLES,
  applyChanges,
  eventDefinition,
  formatVietnameseDate,
  readStoredEvent,
  localDateAt,
  type AggregateKind,
  type Command,
  type DomainAggregate,
  type DomainEvent,
} from '@dacxa/domain';
import type { RecordedEvent } from '@dacxa/event-store';
import type { Sealer } from '@dacxa/protection';
import { timelineText } from '@dacxa/read-models';
import { accessFor } from './accessFor.js';
import type { Caller, TokenKey } from './auth.js';
import { callerOf, requireCaller } from './callerHook.js';
import { History, HistoryQuery, Timeline } from './historySchemas.js';
import { HttpProblem } from './problems.js';
import { problems } from './problemSchema.js';
import { recordRead } from './recordRead.js';
import { idOf } from './streamRoutes.js';
import type { UnitScope } from './unitScope.js';

export interface HistoryRoutesOptions<C extends Command, E extends DomainEvent, S, X> {
  deps: CommandDeps;
  sealer: Sealer;
  tokenKey: TokenKey;
  scope: UnitScope;
  now: () => Date;
  kind: AggregateKind;
  path: string;
  aggregate: DomainAggregate<C, E, S, X>;
  /** Approved corrections, read over each event they correct. */
  corrections: CorrectionIndex;
}

const notFound = () => new HttpProblem(404, 'ERR_NOT_FOUND', 'Không tìm thấy hồ sơ');

/** A case's (or any record's) history, paged or as it stood on a date, and its Vietnamese timeline. */
export function registerHistoryRoutes<C extends Command, E extends DomainEvent, S, X>(
  app: FastifyInstance,
  options: HistoryRoutesOptions<C, E, S, X>,
): void {
  const { deps, sealer, tokenKey, scope, now, kind, path, aggregate, corrections } = options;

  /**
   * The record folded up to `asOf`, after the policy has decided on the record as it stands now:
   * a foreign record and a missing one answer the same 404, whatever date is asked, so neither
   * existence nor opening dates leak.
   */
  async function readable(
    request: FastifyRequest,
    caller: Caller,
    stream: string,
    asOf: string | undefined,
    by: 'recording' | 'occurrence' = 'recording',
  ) {
    const whole = await loadAggregate(deps.store, sealer, aggregate, stream);
    if (whole.revision === null) throw notFound();
    const holders = aggregate.holders(whole.state);
    // A correction is read as the record it corrects is: by that record's kind and holders.
    const recordKind = aggregate.recordKind?.(whole.state) ?? (kind === 'correction' ? null : kind);
    if (!recordKind || !(await scope.mayRead(caller, recordKind, holders, now()))) {
      // The reply says "not found"; the log keeps who tried to read another unit's record.
      request.log.warn({ code: 'ERR_NOT_FOUND', status: 404, caller, stream }, 'access refused');
      throw notFound();
    }
    const dayOf = by === 'occurrence' ? occurredOn : recordedOn;
    const until = (e: RecordedEvent) => !asOf || dayOf(e) <= asOf;
    const asItStood = asOf ? await loadAggregate(deps.store, sealer, aggregate, stream, until) : whole;
    if (asItStood.revision === null) throw notFound();
    // The read goes in the access log of the unit that holds the record (its commune, facility or
    // province), as the server resolved it, so that unit's overseers list it.
    const holder = holders.find((h) => h.tag !== 'supervisor' && h.tag !== 'village');
    const scopeUnit = holder?.unit ?? (await scope.areaOf(caller, now())) ?? caller.unit;
    return { state: asItStood.state, events: asItStood.events, scopeUnit };
  }

  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = [`${aggregate.label.vi} (${aggregate.label.en})`];
  const params = path.includes(':id') ? { params: z.object({ id: z.uuid() }) } : {};
  api.get(
    `${path}/history`,
    {
      preValidation: requireCaller(tokenKey),
      schema: {
        tags,
        operationId: `${kind}.history`,
        summary: `Lịch sử: ${aggregate.label.vi}, tại một ngày bất kỳ`,
        description: 'Events as the caller’s role may see them, paged by revision, optionally as of a date',
        ...params,
        querystring: HistoryQuery,
        response: { 200: History, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const id = idOf(kind, request.params);
      const stream = `${kind}-${id}`;
      const query = request.query;
      const {
        state,
        events: stored,
        scopeUnit,
      } = await readable(request, caller, stream, query.asOf, query.by);
      const page = stored.filter((e) => e.revision > query.after).slice(0, query.limit);
      const access = accessFor(caller);
      await recordRead(deps.store, caller, access, { kind: 'history', target: stream, scopeUnit }, now());
      const events = await Promise.all(page.map((event) => sealer.unsealEvent(event, access)));
      const fixes = await corrections.of(stream);
      const last = page.at(-1);
      const status = statusOf(state);
      return {
        kind,
        id,
        asOf: query.asOf ?? null,
        by: query.by,
        status: typeof status === 'string' ? status : null,
        revision: stored.at(-1)?.revision,
        events: events.map((event) => withCorrections(entryOf(event), fixes, query.asOf)),
        next: last && last.revision < (stored.at(-1)?.revision ?? -1) ? String(last.revision) : null,
      };
    },
  );

  api.get(
    `${path}/timeline`,
    {
      preValidation: requireCaller(tokenKey),
      schema: {
        tags,
        operationId: `${kind}.timeline`,
        summary: `Diễn biến (tiếng Việt): ${aggregate.label.vi}`,
        description: 'A readable Vietnamese timeline, dd/mm/yyyy; `Accept: text/plain` for plain lines',
        ...params,
        response: {
          200: {
            description: 'the timeline',
            content: {
              'application/json': { schema: Timeline },
              'text/plain': { schema: z.string().describe('one line per act') },
            },
          },
          ...problems(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const stream = `${kind}-${idOf(kind, request.params)}`;
      const { events, scopeUnit } = await readable(request, caller, stream, undefined);
      const fixes = await corrections.of(stream);
      await recordRead(
        deps.store,
        caller,
        accessFor(caller),
        { kind: 'timeline', target: stream, scopeUnit },
        now(),
      );
      // In Vietnamese, by day (stable: log order within a day).
      const entries = events
        .map((event) => {
          const role = ROLES[event.metadata.role as keyof typeof ROLES] as { vi: string } | undefined;
          const applied = approved(fixes, event.revision, undefined);
          let shown: unknown = event.data;
          for (const c of applied)
            if (c.action === 'correct') shown = applyChanges(shown, c.changes as never);
          const text = `${timelineText({ ...event, data: shown as typeof event.data })}${applied
            .map(
              (c) =>
                ` (${c.action === 'void' ? 'đã hủy bỏ' : 'đã đính chính'} ngày ${formatVietnameseDate(localDateAt(c.approvedAt ?? ''))}: ${c.reason})`,
            )
            .join('')}`;
          const happened = occurredOn(event);
          const entered = recordedOn(event);
          // An act entered after the day it happened says so, with the reason given for it.
          const late =
            happened < entered
              ? ` — ghi nhận ngày ${formatVietnameseDate(entered)}${
                  typeof event.metadata.lateReason === 'string'
                    ? `, lý do ghi muộn: ${event.metadata.lateReason}`
                    : ''
                }`
              : '';
          return {
            stream,
            position: event.position.toString(),
            occurredOn: happened,
            recordedOn: entered,
            type: event.type,
            text: `${role ? `${text} (${role.vi})` : text}${late}`,
          };
        })
        .sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0));
      if (request.headers.accept?.includes('text/plain')) {
        return reply.type('text/plain; charset=utf-8').send(entries.map((e) => e.text).join('\n') + '\n');
      }
      return { title: aggregate.label.vi, entries };
    },
  );
}

/** A record's stage, for the aggregates whose state has one. */
function statusOf(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('status' in state)) return null;
  return typeof state.status === 'string' ? state.status : null;
}

/** The corrections of one event approved by the end of `until` (a day), or by now. */
function approved(fixes: readonly RecordedCorrection[], revision: number, until: string | undefined) {
  return fixes.filter(
    (c) =>
      c.revision === revision &&
      c.approvedAt !== undefined &&
      !c.rejected &&
      (until === undefined || localDateAt(c.approvedAt) <= until),
  );
}

const at = (data: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>(
    (node, part) =>
      typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined,
    data,
  );

/**
 * A history entry read with its approved corrections: the corrected values, and the trail (what
 * changed from what, why, proposed and approved by whom, when). As of a day before the approval,
 * the entry reads as it was recorded.
 */
function withCorrections(
  entry: ReturnType<typeof entryOf>,
  fixes: readonly RecordedCorrection[],
  until: string | undefined,
) {
  const applied = approved(fixes, entry.revision, until);
  if (applied.length === 0) return entry;
  let data: unknown = entry.data;
  const trail = applied.map((c) => {
    const changes = c.changes.map((ch) => ({ path: [...ch.path], from: at(data, ch.path), to: ch.value }));
    if (c.action === 'correct') data = applyChanges(data, c.changes as never);
    return {
      correctionId: c.correctionId,
      action: c.action,
      changes,
      reason: c.reason,
      proposedBy: c.proposedBy,
      approvedBy: c.approvedBy,
      approvedOn: localDateAt(c.approvedAt ?? ''),
    };
  });
  return {
    ...entry,
    data: data as typeof entry.data,
    corrections: trail,
    ...(applied.some((c) => c.action === 'void') ? { voided: true as const } : {}),
  };
}

/** The day an event was entered, in Asia/Ho_Chi_Minh. */
const recordedOn = (event: RecordedEvent): string => localDateAt(event.occurredAt);

/** The day the act took place: the date the command gave (Occurred-On), else the day of entry. */
const occurredOn = (event: RecordedEvent): string =>
  typeof event.metadata.occurredOn === 'string' ? event.metadata.occurredOn : recordedOn(event);

/**
 * An event's data in the shape of its current version, as deciders read it: an older version is
 * upcast, so a client sees one shape per type (`version`), whatever year it was recorded in.
 */
function currentShape(event: RecordedEvent): { data: unknown; version: number } {
  const definition = eventDefinition(event.type);
  if (!definition) return { data: event.data, version: event.schemaVersion };
  try {
    return { data: readStoredEvent(event).data, version: definition.version };
  } catch {
    // An older shape whose upcast needs a value this reader may not see: shown as recorded.
    return { data: event.data, version: event.schemaVersion };
  }
}

function entryOf(event: RecordedEvent) {
  const lateReason = event.metadata.lateReason;
  const shaped = currentShape(event);
  return {
    revision: event.revision,
    position: event.position.toString(),
    type: event.type,
    version: shaped.version,
    ...(event.schemaVersion !== shaped.version ? { recordedVersion: event.schemaVersion } : {}),
    label: eventDefinition(event.type)?.label.vi ?? event.type,
    /** When it was entered (the store's instant; the name is the event store's). */
    occurredAt: event.occurredAt,
    recordedAt: event.occurredAt,
    occurredOn: occurredOn(event),
    ...(typeof lateReason === 'string' ? { lateReason } : {}),
    // The duties it met on time but was entered after (packages/commands/src/lateEntry.ts).
    ...(Array.isArray(event.metadata.lateEntry) ? { lateEntry: event.metadata.lateEntry } : {}),
    actor: event.metadata.actor,
    data: shaped.data as typeof event.data,
  };
}
