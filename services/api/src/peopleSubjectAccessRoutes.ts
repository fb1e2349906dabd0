import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LocalDate, eventDefinition, localDateAt } from '@dacxa/domain';
import { exportSubject, subjectAccessText, type SubjectExport } from '@dacxa/protection';
import { callerOf, requireCaller } from './callerHook.js';
import { SubjectAccess } from './peopleSchemas.js';
import { PersonParams, ensurePersonalData, holdingUnits, findPerson } from './peopleScope.js';
import type { PeopleRoutesOptions } from './peopleRoutes.js';
import { problems } from './problemSchema.js';
import { recordRead } from './recordRead.js';

const SubjectAccessQuery = z
  .object({
    format: z.enum(['json', 'text']).default('json'),
    /** The subject's request this answers: its number and date. */
    requestNumber: z.string().min(1).max(100).describe('the number of the subject’s request'),
    requestDate: LocalDate.describe('the date of the subject’s request'),
  })
  .strict();

/** The export's events as JSON carries them: positions as strings, with their Vietnamese label. */
const eventsOf = (exported: SubjectExport) =>
  exported.events.map((e) => ({
    stream: e.stream,
    revision: e.revision,
    position: e.position.toString(),
    type: e.type,
    label: eventDefinition(e.type)?.label.vi ?? e.type,
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    metadata: e.metadata,
    data: e.data,
  }));

/**
 * Subject access: everything held about one person, opened for the lawful purpose, with the events
 * it came from, as JSON or (format=text) a Vietnamese document. The export is recorded in the
 * person's stream (`SubjectAccessExported`) and, as a read, in the access log of their unit.
 */
export function registerSubjectAccessRoute(app: FastifyInstance, options: PeopleRoutesOptions): void {
  const { store, sealer, keys, tokenKey, scope, now } = options;

  app.withTypeProvider<ZodTypeProvider>().get(
    '/people/:personId/subject-access',
    {
      preValidation: requireCaller(tokenKey),
      schema: {
        tags: ['Quyền của chủ thể dữ liệu (data subjects’ rights)'],
        operationId: 'people.subjectAccess',
        summary: 'Cung cấp dữ liệu cho chủ thể',
        description: 'everything held about one person (JSON or format=text)',
        params: PersonParams,
        querystring: SubjectAccessQuery,
        response: {
          200: {
            description: 'the export: JSON, or (format=text) a Vietnamese document',
            content: {
              'application/json': { schema: SubjectAccess },
              'text/plain': { schema: z.string() },
            },
          },
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { personId } = request.params;
      const query = request.query;
      const at = now();
      const records = await findPerson(options, caller, personId, at);
      await ensurePersonalData(scope, caller, 'read', records, at);
      const purpose = 'subject-access' as const;
      // The read is in the log before anything opened leaves.
      await recordRead(
        store,
        caller,
        { role: caller.role, purpose, inScope: true },
        { kind: 'export', target: `person-${personId}`, scopeUnit: holdingUnits(records)[0] ?? caller.unit },
        at,
      );
      const docRef = { number: query.requestNumber, date: query.requestDate };
      const exported = await exportSubject(
        store,
        sealer,
        keys,
        { personId, request: docRef, purpose, exportedOn: localDateAt(at.toISOString()) },
        { actor: caller.actor, role: caller.role, unit: caller.unit, now: at.toISOString() },
      );
      if (query.format === 'text')
        return reply
          .type('text/plain; charset=utf-8')
          .send(
            subjectAccessText(
              exported,
              { request: docRef, purpose: 'cung cấp cho chủ thể dữ liệu' },
              at.toISOString(),
            ),
          );
      return {
        personId,
        erased: exported.erased,
        request: docRef,
        purpose,
        streams: exported.streams,
        events: eventsOf(exported),
      };
    },
  );
}
