import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS_POLICY, localDateAt } from '@dacxa/domain';
import type { RecordedEvent } from '@dacxa/event-store';
import { accessFor } from './accessFor.js';
import { callerOf, requireCaller } from './callerHook.js';
import { Reads } from './peopleSchemas.js';
import { PersonParams, holdingUnits, mayListReads, findPerson, type PersonRecords } from './peopleScope.js';
import type { PeopleRoutesOptions } from './peopleRoutes.js';
import { HttpProblem } from './problems.js';
import { problems } from './problemSchema.js';
import { accessStream, recordRead } from './recordRead.js';

const ReadsQuery = z.object({ limit: z.coerce.number().int().min(1).max(5000).default(1000) }).strict();

/** Whether a read's target is one of the person's records (a stream, its pages, their export). */
function aboutPerson(records: PersonRecords, target: string): boolean {
  return [...records.streams, `person-${records.personId}`].some(
    (s) => target === s || target.startsWith(`${s}/`),
  );
}

const entryOf = (event: RecordedEvent) => {
  const data = event.data as { kind: string; target: string; purpose: string; readAt: string };
  return {
    position: event.position.toString(),
    actor: event.metadata.actor,
    role: event.metadata.role,
    unit: event.metadata.unit,
    purpose: data.purpose,
    kind: data.kind,
    target: data.target,
    readAt: data.readAt,
  };
};

/**
 * A person's read history: every recorded read of their records (who, role, unit, purpose, when),
 * from the access logs of the units that hold them. A read under an investigation embargo is
 * withheld until the day after `embargoUntil`; the reply counts what is withheld and until when.
 */
export function registerReadsRoute(app: FastifyInstance, options: PeopleRoutesOptions): void {
  const { store, tokenKey, scope, now } = options;

  app.withTypeProvider<ZodTypeProvider>().get(
    '/people/:personId/reads',
    {
      preValidation: requireCaller(tokenKey),
      schema: {
        tags: ['Quyền của chủ thể dữ liệu (data subjects’ rights)'],
        operationId: 'people.reads',
        summary: 'Lịch sử truy cập dữ liệu của một người',
        description: 'every read of the person’s records; embargoed reads withheld',
        params: PersonParams,
        querystring: ReadsQuery,
        response: { 200: Reads, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { personId } = request.params;
      const { limit } = request.query;
      const at = now();
      if (!ACCESS_POLICY['personal-data'].read[caller.role] && !ACCESS_POLICY.audit.read[caller.role])
        throw new HttpProblem(
          403,
          'ERR_FORBIDDEN',
          'Vai trò này không xem lịch sử truy cập dữ liệu của một người',
        );
      const records = await findPerson(options, caller, personId, at);
      if (!(await mayListReads(scope, caller, records, at)))
        throw new HttpProblem(404, 'ERR_NOT_FOUND', 'Không tìm thấy người này');
      const today = localDateAt(at.toISOString());
      const reads = [];
      const withheld: string[] = [];
      for (const stream of new Set(holdingUnits(records).map(accessStream))) {
        for await (const event of store.readStream(stream)) {
          if (
            event.type !== 'RecordsRead' ||
            !aboutPerson(records, (event.data as { target: string }).target)
          )
            continue;
          const embargo = event.metadata.embargoUntil;
          if (typeof embargo === 'string' && embargo >= today) withheld.push(embargo);
          else reads.push(entryOf(event));
        }
      }
      reads.sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));
      // This listing is itself a read of the person's records, recorded before the reply leaves.
      await recordRead(
        store,
        caller,
        accessFor(caller),
        {
          kind: 'view',
          target: `person-${personId}/reads`,
          scopeUnit: holdingUnits(records)[0] ?? caller.unit,
        },
        at,
      );
      return {
        personId,
        reads: reads.slice(-limit),
        total: reads.length,
        withheld: { count: withheld.length, until: withheld.length ? withheld.sort().at(-1) : null },
      };
    },
  );
}
