import { Readable } from 'node:stream';
import contentDisposition from 'content-disposition';
import type { FastifyInstance } from 'fastify';
import { stringify } from 'csv-stringify';
import { z } from 'zod';
import { CSV_COLUMNS, bundleLine, csvRow, matches, type Ledger } from '@dacxa/audit';
import { LocalDate } from '@dacxa/domain';
import type { EventStore } from '@dacxa/event-store';
import { unitRoot } from '@dacxa/read-models';
import { accessFor } from './accessFor.js';
import { ensureAuditReader } from './auditReaders.js';
import { authenticate, type TokenKey } from './auth.js';
import { HttpProblem } from './problems.js';
import { recordRead } from './recordRead.js';
import type { UnitScope } from './unitScope.js';

const many = z
  .union([z.string().min(1), z.array(z.string().min(1))])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .optional();
const ExportQuery = z
  .object({
    format: z.enum(['ndjson', 'csv']).default('ndjson'),
    unit: z.string().min(1).optional(),
    from: LocalDate.optional(),
    to: LocalDate.optional(),
    periodOf: z.enum(['occurredAt', 'recordedAt']).default('occurredAt'),
    stream: many,
    category: many,
    type: many,
  })
  .strict();

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
 * cut at the latest signed tree head (named in the `Dacxa-Tree-Head` header), for oversight
 * bodies, auditors and admins, inside their unit. Each line's inclusion proof is at
 * /audit/proofs/inclusion; a whole bundle with proofs and manifest comes from `dacxa export`.
 */
export function registerExportRoute(
  app: FastifyInstance,
  options: { ledger: Ledger; store: EventStore; tokenKey: TokenKey; scope: UnitScope; now: () => Date },
): void {
  const { ledger, store, tokenKey, scope, now } = options;
  app.get('/audit/export', async (request, reply) => {
    const caller = await authenticate(request, tokenKey);
    const query = ExportQuery.parse(request.query);
    const unit = query.unit ?? unitRoot(caller.unit);
    await ensureAuditReader(
      scope,
      caller,
      unit,
      now(),
      'Chỉ cơ quan giám sát, kiểm toán xuất nhật ký của địa bàn mình',
    );
    const head = ledger.latestHead();
    if (!head) throw new HttpProblem(404, 'ERR_NO_TREE_HEAD', 'Chưa có gốc cây nào được ký');
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
    async function* selected() {
      let leafIndex = 0;
      for await (const event of store.readAll()) {
        if (leafIndex >= head!.treeSize) return;
        const index = leafIndex++;
        if (matches(event, filter)) yield { event, index };
      }
    }
    reply.header('dacxa-tree-head', Buffer.from(JSON.stringify(head)).toString('base64'));
    if (query.format === 'csv') {
      const csv = stringify({ bom: true, header: true, columns: CSV_COLUMNS });
      void (async () => {
        for await (const { event } of selected())
          if (!csv.write(csvRow(event))) await new Promise((r) => csv.once('drain', r));
        csv.end();
      })().catch((err: unknown) => csv.destroy(err as Error));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', csvDisposition(unit))
        .send(csv);
    }
    const lines = Readable.from(
      (async function* () {
        for await (const { event, index } of selected()) yield `${bundleLine(event, index)}\n`;
      })(),
    );
    return reply.type('application/x-ndjson; charset=utf-8').send(lines);
  });
}
