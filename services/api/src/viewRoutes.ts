import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DataKeys } from '@dacxa/protection';
import { openDocument } from '@dacxa/protection';
import {
  decodeCursor,
  matches,
  summariseReconciliation,
  type Condition,
  type Page,
  type ReconciliationDoc,
  type DocumentStore,
  type ViewReader,
} from '@dacxa/read-models';
import type { EventStore } from '@dacxa/event-store';
import {
  AGGREGATES,
  CALENDAR_ID,
  ancestorsAt,
  calendarAsKnownOn,
  localDateAt,
  readStoredEvent,
  unitAt,
  type HolidayCalendar,
  type OrgUnitsState,
} from '@dacxa/domain';
import type { TokenKey } from './auth.js';
import { callerOf, requireCaller } from './callerHook.js';
import { recordRead } from './recordRead.js';
import { HttpProblem } from './problems.js';
import { problems } from './problemSchema.js';
import { ReconciliationSummary, ViewPage } from './viewSchemas.js';
import type { UnitScope } from './unitScope.js';
import { DeadlineFilters, VIEWS, dueRange, type DeadlineAsk, type ViewSpec } from './viewCatalogue.js';
import { viewScope } from './viewScope.js';

export interface ViewsOptions {
  engine: ViewReader;
  documents: DocumentStore;
  keys: DataKeys;
}

/** How long a read waits for `minPosition` before answering 504. */
const CATCH_UP_MS = 5_000;

/** Whether a cursor is one this service made (a page's `next`), not garbage. */
function isCursor(cursor: string): boolean {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return false;
  try {
    const mark = decodeCursor(cursor);
    return typeof mark.id === 'string';
  } catch {
    return false;
  }
}

const Paging = z.object({
  unit: z
    .string()
    .min(1)
    .optional()
    .describe('a unit inside the caller’s subtree (default: the caller’s area)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .min(1)
    .max(2000)
    .refine(
      isCursor,
      'cursor không hợp lệ: dùng giá trị `next` của trang trước (use the previous page’s `next`)',
    )
    .optional(),
  minPosition: z
    .string()
    .regex(/^\d+$/, 'minPosition là vị trí trả về khi ghi (a position from a write reply)')
    .transform(BigInt)
    .optional()
    .describe('wait until the view reflects this write position (504 if it does not in time)'),
});

/** The caller's filters inside the scope: a filter on the scope's own field keeps only a value the scope allows. */
function narrowed(
  filters: Record<string, string | boolean>,
  scope: Record<string, Condition>,
): Record<string, Condition> {
  const where: Record<string, Condition> = { ...filters };
  for (const [field, condition] of Object.entries(scope)) {
    const asked = filters[field];
    where[field] = asked === undefined || matches(asked, condition) ? (asked ?? condition) : { in: [] };
  }
  return where;
}

/**
 * A board's deadline filters as conditions: the range on the indexed `dueOn`, and the responsible
 * unit or person as a filter on the view's own field (narrowed to the scope like any other).
 */
function deadlineWhere(
  view: ViewSpec,
  ask: DeadlineAsk,
  filters: Record<string, string | boolean>,
  today: string,
  calendar: HolidayCalendar | undefined,
): { filters: Record<string, string | boolean>; due: Record<string, Condition> } {
  if (!view.deadlines) return { filters, due: {} };
  const field = view.deadlines.responsible;
  const clash =
    ask.responsible !== undefined && filters[field] !== undefined && filters[field] !== ask.responsible;
  const range = clash ? { in: [] } : dueRange(ask, today, calendar);
  return {
    filters: ask.responsible === undefined ? filters : { ...filters, [field]: ask.responsible },
    due: range === undefined ? {} : { dueOn: range },
  };
}

/**
 * The holiday calendar as known today: the built-in data overlaid by every publication in the
 * log's calendar stream (no personal data, so read as stored and folded like the decider does).
 */
async function calendarToday(store: EventStore, today: string): Promise<HolidayCalendar> {
  let state = AGGREGATES.calendar.initial;
  for await (const event of store.readStream(`calendar-${CALENDAR_ID}`))
    state = AGGREGATES.calendar.evolve(state, readStoredEvent(event) as never);
  return calendarAsKnownOn(state, today);
}

/** The physical collection readers use now; 503 while the view's first build has not begun. */
export function collectionOf(views: ViewsOptions, view: ViewSpec): string {
  try {
    return views.engine.collection(view.projection, view.collection);
  } catch {
    throw new HttpProblem(503, 'ERR_VIEW_NOT_READY', 'Dữ liệu đang được dựng, vui lòng thử lại sau');
  }
}

/**
 * `GET /views/:name`: a view's documents in the caller's scope, filtered, paged by cursor, opened
 * for the caller's role. `minPosition` waits until the view reflects the caller's own write.
 */
export function registerViewRoutes(
  app: FastifyInstance,
  options: {
    tokenKey: TokenKey;
    scope: UnitScope;
    views: ViewsOptions;
    now: () => Date;
    /** Where reads of personal views are recorded (the access log). */
    store: EventStore;
  },
): void {
  const { tokenKey, scope, views, now, store } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  for (const [name, view] of Object.entries(VIEWS)) {
    const Query = Paging.extend(view.filters.shape)
      .extend(view.deadlines ? DeadlineFilters.shape : {})
      .strict();
    api.get(
      `/views/${name}`,
      {
        preValidation: requireCaller(tokenKey),
        schema: {
          tags: [TAG],
          operationId: `view.${name}`,
          summary: `Bảng theo dõi: ${name}`,
          description:
            'Documents in the caller’s scope (`unit`, default the caller’s own commune or province), paged, opened for the caller’s role',
          querystring: Query,
          response: { 200: ViewPage, ...problems(400, 401, 403, 503, 504) },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const { unit, limit, cursor, minPosition, overdue, dueWithinDays, responsible, sort, ...asked } =
          request.query as z.output<typeof Paging> & DeadlineAsk & Record<string, string | boolean>;
        const ask = { overdue, dueWithinDays, responsible, sort };
        const today = localDateAt(now().toISOString());
        const calendar = dueWithinDays === undefined ? undefined : await calendarToday(store, today);
        const { filters, due } = deadlineWhere(view, ask, asked, today, calendar);
        const scoped = await viewScope(scope, caller, view, unit, now());
        if (minPosition !== undefined) {
          // Only a position the log holds can be waited for: one past its head is the client's mistake,
          // answered at once rather than after a wait that could never end in time.
          const head = (await store.headPosition()) ?? 0n;
          if (minPosition > head)
            throw new HttpProblem(
              400,
              'ERR_POSITION_AHEAD',
              'Vị trí vượt quá nhật ký',
              `minPosition ${minPosition} is past the log's head ${head}`,
            );
          await views.engine.waitFor(minPosition, CATCH_UP_MS, view.projection);
        }
        // Read before the query: the page reflects the log at least up to this position.
        const position =
          (await views.engine.health()).find((h) => h.name === view.projection)?.position ?? '0';
        const page = await views.documents.find(collectionOf(views, view), {
          where: { ...narrowed(filters, scoped.where), ...due },
          orderBy: { field: sort === 'dueOn' ? 'dueOn' : view.orderBy, direction: 'asc' },
          limit,
          ...(cursor ? { cursor } : {}),
        });
        // The query selected by unit; each document is still the policy's to show (a village, a supervisor).
        const mine = page.items.filter((item) => scoped.includes(item.doc as Record<string, unknown>));
        const items = await Promise.all(
          mine.map((item) => openDocument(item.doc, views.keys, scoped.access)),
        );
        if (view.personal && items.length > 0)
          await recordRead(
            store,
            caller,
            scoped.access,
            { kind: 'view', target: `views/${name}`, scopeUnit: scoped.scopeUnit },
            now(),
          );
        return { items, next: page.next, position };
      },
    );
  }
  registerReconciliationSummary(app, options);
}

const Summary = z.object({ unit: z.string().min(1).optional(), roundId: z.uuid().optional() }).strict();
const TAG = 'Bảng theo dõi (views)';

/** The province a commune is in on a date, from the unit tree (null outside it). */
const provinceOf = (tree: OrgUnitsState, commune: string, date: string): string | null =>
  [commune, ...ancestorsAt(tree, commune, date)].find((u) => unitAt(tree, u, date)?.kind === 'PROVINCE') ??
  null;

/**
 * `GET /views/reconciliation/summary`: release day's counts per (round, commune) and per (round,
 * province), over the expected people the caller may read (as `GET /views/reconciliation`), as of
 * today. Counts only, so no read of people's records is logged.
 */
function registerReconciliationSummary(
  app: FastifyInstance,
  options: Parameters<typeof registerViewRoutes>[1],
) {
  const { tokenKey, scope, views, now } = options;
  const view = VIEWS.reconciliation as ViewSpec;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/views/reconciliation/summary',
    {
      preValidation: requireCaller(tokenKey),
      schema: {
        tags: [TAG],
        operationId: 'views.reconciliationSummary',
        summary: 'Đối soát ngày trả tự do',
        description:
          'per round: expected, reported on time or late, arrived elsewhere, not yet seen, overdue — by commune and province',
        querystring: Summary,
        response: { 200: ReconciliationSummary, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { unit, roundId } = request.query;
      const scoped = await viewScope(scope, caller, view, unit, now());
      const { tree } = await scope.check(caller, now());
      const today = localDateAt(now().toISOString());
      const where = { ...narrowed(roundId ? { roundId } : {}, scoped.where), expected: true };
      const docs: ReconciliationDoc[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<ReconciliationDoc> = await views.documents.find<ReconciliationDoc>(
          collectionOf(views, view),
          {
            where,
            limit: 500,
            ...(cursor ? { cursor } : {}),
          },
        );
        for (const item of page.items) if (scoped.includes(item.doc)) docs.push(item.doc);
        cursor = page.next;
      } while (cursor);
      return { today, ...summariseReconciliation(docs, today, (c) => provinceOf(tree, c, today)) };
    },
  );
}
