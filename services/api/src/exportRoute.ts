import { Readable } from 'node:stream';
import contentDisposition from 'content-disposition';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSV_START, bundleLine, csvRecord, matches, type Ledger } from '@dacxa/audit';
import { LocalDate } from '@dacxa/domain';
import type { EventStore } from '@dacxa/event-store';
import { unitRoot } from '@dacxa/read-models';
import { accessFor } from './accessFor.js';
import { ensureAuditReader } from './auditReaders.js';
import type { TokenKey } from './auth.js';
import { callerOf, requireCaller } from './callerHook.js';
import { HttpProblem } from './problems.js';
import { problems } from './problemSchema.js';
import { recordRead } from './recordRead.js';
import type { UnitScope } from './unitScope.js';

const many = (what: string) =>
  z
    .union([z.string().min(1), z.array(z.string().min(1))])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional()
    .describe(`${what}; repeat the parameter for several`);
const ExportQuery = z
  .object({
    format: z.enum(['ndjson', 'csv']).default('ndjson'),
    unit: z.string().min(1).optional().describe('an area inside the caller’s (default: the caller’s own)'),
    from: LocalDate.optional(),
    to: LocalDate.optional(),
    periodOf: z
      .enum(['occurredAt', 'recordedAt'])
      .default('occurredAt')
      .describe('which day from/to select by'),
    stream: many('only these streams'),
    category: many('only these event categories'),
    type: many('only these event types'),
  })
  .strict();

/** Text streamed as it is read from the log: documented as the text it is. */
const Streamed = z.union([z.string(), z.instanceof(Readable)]);

/**
 * The CSV's Content-Disposition for any unit code: RFC 6266-encoded (`filename*`) with an ASCII
 * fallback, never an invalid header. Offices' `/` becomes `_`, which a file name cannot hold.
 */
export function csvDisposition(unit: string): string {
  const name = `dacxa-${unit.replaceAll('/', '_')}.csv`;
  return contentDisposition(name, { fallback: name.replace(/[^\x20-\x7e]/g, '_') });
}

/**
 * `GET /audit/export`: an area's events streamed as bundle lines (NDJSON) or as a CSV for Excel,
 * cut at a signed tree head covering the log when asked (named in the `Dacxa-Tree-Head` header;
 * signed then if none covers it, or waited for from the signing process), for oversight
 * bodies, auditors and admins, inside their unit. Each line's inclusion proof is at
 * /audit/proofs/inclusion; a whole bundle with proofs and manifest comes from `dacxa export`.
 */
export function registerExportRoute(
  app: FastifyInstance,
  options: { ledger: Ledger; store: EventStore; tokenKey: TokenKey; scope: UnitScope; now: () => Date },
): void {
  const { ledger, store, tokenKey, scope, now } = options;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/audit/export',
    {
      preValidation: requireCaller(tokenKey),
      schema: {
        tags: ['Kiểm toán (audit)'],
        operationId: 'audit.export',
        summary: 'Xuất nhật ký (NDJSON hoặc CSV)',
        description:
          'An area’s events cut at a head signed at or after the request; header Dacxa-Tree-Head (base64 JSON of the head)',
        querystring: ExportQuery,
        response: {
          200: {
            description: 'bundle lines (docs/audit-format.md), or a CSV for Excel',
            content: {
              'application/x-ndjson': { schema: Streamed },
              'text/csv': { schema: Streamed },
            },
          },
          ...problems(400, 401, 403, 503),
        },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const query = request.query;
      const unit = query.unit ?? unitRoot(caller.unit);
      await ensureAuditReader(
        scope,
        caller,
        unit,
        now(),
        'Chỉ cơ quan giám sát, kiểm toán xuất nhật ký của địa bàn mình',
      );
      const filter = {
        units: await scope.unitsUnder(unit, now()),
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
        periodOf: query.periodOf,
        ...(query.stream ? { streams: query.stream } : {}),
        ...(query.category ? { categories: query.category } : {}),
        ...(query.type ? { types: query.type } : {}),
      };
      await recordRead(
        store,
        caller,
        accessFor(caller),
        {
          kind: 'export',
          target: `audit/export ${JSON.stringify({ unit, ...filter, units: undefined })}`.slice(0, 300),
          scopeUnit: unit,
        },
        now(),
      );
      // Cut at a head covering the log as it stands now, this read included: signed now, or waited for.
      const head = await ledger.headCovering().catch((err: unknown) => {
        throw new HttpProblem(
          503,
          'ERR_NO_FRESH_HEAD',
          'Chưa có gốc cây đã ký phủ toàn bộ nhật ký; hãy thử lại sau ít phút',
          err instanceof Error ? err.message : String(err),
        );
      });
      async function* selected() {
        let leafIndex = 0;
        for await (const event of store.readAll()) {
          if (leafIndex >= head.treeSize) return;
          const index = leafIndex++;
          if (matches(event, filter)) yield { event, index };
        }
      }
      reply.header('dacxa-tree-head', Buffer.from(JSON.stringify(head)).toString('base64'));
      if (query.format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', csvDisposition(unit))
          .send(
            Readable.from(
              (async function* () {
                yield CSV_START;
                for await (const { event } of selected()) yield csvRecord(event);
              })(),
            ),
          );
      const lines = Readable.from(
        (async function* () {
          for await (const { event, index } of selected()) yield `${bundleLine(event, index)}\n`;
        })(),
      );
      return reply.type('application/x-ndjson; charset=utf-8').send(lines);
    },
  );
}
