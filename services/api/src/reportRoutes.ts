import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readableUnits } from '@dacxa/commands';
import { Instant, localDateAt } from '@dacxa/domain';
import type { EventStore } from '@dacxa/event-store';
import { mayRead, type Sealer } from '@dacxa/protection';
import type { OpenPeople, PersonShown } from '@dacxa/reports';
import { REPORTS, ReportError, defaultPeriod, generateReport, type ReportDefinition } from '@dacxa/reports';
import { accessFor } from './accessFor.js';
import type { Caller, TokenKey } from './auth.js';
import { callerOf, requireCaller } from './callerHook.js';
import { HttpProblem } from './problems.js';
import { problems } from './problemSchema.js';
import { recordRead } from './recordRead.js';
import type { UnitScope } from './unitScope.js';

const Query = z
  .object({
    unit: z.string().min(1).max(200).optional(),
    period: z
      .string()
      .regex(
        /^\d{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/,
        'kỳ báo cáo có dạng 2025-09, 2025-Q3, 2025-H1 hoặc 2025 (period)',
      )
      .optional(),
    at: z
      .string()
      .regex(/^[1-9]\d{0,18}$/, 'at là một vị trí của nhật ký (a log position)')
      .transform(BigInt)
      .optional(),
    format: z.enum(['docx', 'xlsx', 'json']).default('json'),
    // To reproduce a submitted file byte for byte: the generation time and signer it records.
    generatedAt: Instant.optional(),
    signer: z.enum(['chair', 'deputy']).optional(),
  })
  .strict();

const ReportKinds = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        legalBasis: z.array(z.string()).readonly(),
        publishedForm: z.array(z.string()).readonly(),
        ourLayout: z.array(z.string()).readonly(),
        periodKinds: z.array(z.enum(['month', 'quarter', 'half', 'year'])).readonly(),
        names: z
          .boolean()
          .describe('false: counts only; true (mau-01): names where the reader’s role may, each read logged'),
      }),
    ),
  })
  .describe('the report kinds');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// The file's bytes as generated: sent as they are, never through a serializer.
const Binary = z
  .custom<Buffer>((value) => Buffer.isBuffer(value))
  .meta({ type: 'string', contentMediaType: 'application/octet-stream' });

const AREA_KINDS = new Set(['COMMUNE', 'WARD', 'SPECIAL_ZONE']);
const refused = () => new HttpProblem(403, 'ERR_FORBIDDEN', 'Đơn vị này không thuộc phạm vi của bạn');

/**
 * Whether the caller may read the records a report on `unit` counts, asked of the access policy as
 * a view's read is: the unit itself is readable, or (a province's report) every commune and ward
 * under it is. A village head or a supervisor, who reads some cases of a commune, gets no report.
 */
async function mayReport(
  scope: UnitScope,
  caller: Caller,
  def: ReportDefinition,
  unit: string,
  now: Date,
): Promise<void> {
  const check = await scope.check(caller, now);
  if (!check.tree[unit]) throw new HttpProblem(404, 'ERR_NOT_FOUND', 'Không tìm thấy đơn vị');
  const readable = new Set(readableUnits(check, def.access.kind, def.access.tag));
  if (readable.has(unit)) return;
  const areas = (await scope.unitsUnder(unit, now)).filter((u) => AREA_KINDS.has(check.tree[u]?.kind ?? ''));
  if (def.access.kind !== 'case' || areas.length === 0 || !areas.every((u) => readable.has(u)))
    throw refused();
}

/**
 * Opens the people a report names (Mẫu 01) for its purpose, lending (QĐ 22), under the caller's
 * access: the name and birth date from the case's notice, only where the caller's role may read
 * identity for lending, else withheld; each person shown is recorded as read (their case stream),
 * so the person's read history lists it.
 */
function peopleOpener(
  store: EventStore,
  sealer: Sealer,
  caller: Caller,
  area: string,
  now: Date,
): OpenPeople {
  const access = { role: caller.role, purpose: 'lending' as const, inScope: true };
  return async (people) => {
    const shown = new Map<string, PersonShown>();
    if (!mayRead(access, 'identity')) return shown;
    for (const { caseId, personId } of people) {
      let person: PersonShown = null;
      for await (const stored of store.readStream(`case-${caseId}`, { limit: 1 })) {
        const opened = await sealer.unsealEvent(stored, access);
        const data = opened.data as {
          person?: { personId?: string; fullName?: unknown; birthDate?: unknown };
        };
        const p = data.person;
        if (p?.personId === personId && typeof p.fullName === 'string' && typeof p.birthDate === 'string')
          person = { fullName: p.fullName, birthDate: p.birthDate };
      }
      shown.set(personId, person);
      if (person)
        await recordRead(
          store,
          caller,
          access,
          { kind: 'view', target: `case-${caseId}/reports/mau-01`, scopeUnit: area },
          now,
        );
    }
    return shown;
  };
}

const STATUS: Record<ReportError['code'], number> = {
  ERR_UNKNOWN_REPORT: 404,
  ERR_UNKNOWN_UNIT: 404,
  ERR_EMPTY_LOG: 404,
  ERR_BAD_PERIOD: 400,
  ERR_BAD_POSITION: 400,
  ERR_POSITION_AHEAD: 400,
};
const asProblem = (error: unknown): never => {
  if (error instanceof ReportError)
    throw new HttpProblem(STATUS[error.code], error.code, error.message, error.detail);
  throw error;
};

/**
 * `GET /reports` (the kinds) and `GET /reports/:id` (one report, computed at `at` or the head):
 * scoped by the access policy like the views, recorded in the access log, the position in
 * `X-Dacxa-Position` and in the document.
 */
export function registerReportRoutes(
  app: FastifyInstance,
  options: { store: EventStore; sealer: Sealer; tokenKey: TokenKey; scope: UnitScope; now: () => Date },
): void {
  const { store, sealer, tokenKey, scope, now } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Báo cáo (reports)'];
  api.get(
    '/reports',
    {
      preValidation: requireCaller(tokenKey),
      schema: {
        tags,
        operationId: 'reports.list',
        summary: 'Các loại báo cáo',
        description: 'report kinds, id first (docs/reports.md)',
        response: { 200: ReportKinds, ...problems(401) },
      },
    },
    async () => ({
      items: Object.values(REPORTS).map(
        ({ id, title, legalBasis, publishedForm, ourLayout, periodKinds, names }) => ({
          id,
          title,
          legalBasis,
          publishedForm,
          ourLayout,
          periodKinds,
          names,
        }),
      ),
    }),
  );
  api.get(
    '/reports/:id',
    {
      preValidation: requireCaller(tokenKey),
      schema: {
        tags,
        operationId: 'reports.get',
        summary: 'Một báo cáo',
        description:
          'docx, xlsx or json at a log position (`at`, default the head); headers X-Dacxa-Position, X-Dacxa-Generated-At, X-Dacxa-Signer and X-Dacxa-Sha256: the same query with `at`, `generatedAt` and `signer` gives the same bytes',
        params: z.object({ id: z.string().describe('a report kind of GET /reports') }),
        querystring: Query,
        response: {
          200: {
            description: 'the report',
            content: {
              [DOCX]: { schema: Binary },
              [XLSX]: { schema: Binary },
              'application/json': { schema: z.looseObject({}).describe('the report’s figures') },
            },
          },
          ...problems(400, 401, 403, 404, 422),
        },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { id } = request.params;
      const def = Object.hasOwn(REPORTS, id) ? REPORTS[id] : undefined;
      if (!def) throw new HttpProblem(404, 'ERR_UNKNOWN_REPORT', 'Không có loại báo cáo này');
      const query = request.query;
      const instant = now();
      const generatedAt = query.generatedAt ? new Date(query.generatedAt) : instant;
      if (generatedAt.getTime() > instant.getTime())
        throw new HttpProblem(
          422,
          'ERR_OCCURRED_IN_FUTURE',
          'Thời điểm lập báo cáo ở tương lai',
          'generatedAt',
        );
      // The signer's block follows the caller (a deputy chair signs "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"), or the file reproduced.
      const signer = query.signer ?? (caller.role === 'commune-deputy-chair' ? 'deputy' : 'chair');
      const area = (await scope.areaOf(caller, instant)) ?? caller.unit;
      const unit = query.unit ?? area;
      await mayReport(scope, caller, def, unit, instant);
      // Each report's own default: the latest complete month, quarter or year it is made for.
      const period = query.period ?? defaultPeriod(def, localDateAt(instant.toISOString())).code;
      const report = await generateReport(store, {
        id,
        unit,
        period,
        format: query.format,
        generatedAt,
        signer: { deputy: signer === 'deputy', name: null },
        ...(def.names ? { openPeople: peopleOpener(store, sealer, caller, area, instant) } : {}),
        ...(query.at ? { at: query.at } : {}),
      }).catch(asProblem);
      await recordRead(
        store,
        caller,
        accessFor(caller),
        {
          kind: 'view',
          target: `reports/${id}?unit=${unit}&period=${period}&at=${report.position}`,
          scopeUnit: area,
        },
        instant,
      );
      return reply
        .header('X-Dacxa-Position', report.position.toString())
        .header('X-Dacxa-Generated-At', generatedAt.toISOString())
        .header('X-Dacxa-Signer', signer)
        .header('X-Dacxa-Sha256', createHash('sha256').update(report.bytes).digest('hex'))
        .header(
          'Content-Disposition',
          `attachment; filename="${report.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
        )
        .type(report.contentType)
        .send(report.bytes);
    },
  );
}
