import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LocalDate, eventDefinition, localDateAt } from '@dacxa/domain';
import { exportSubject, subjectAccessText, type SubjectExport } from '@dacxa/protection';
import { authenticate } from './auth.js';
import { PersonParams, ensurePersonalData, holdingUnits, findPerson } from './peopleScope.js';
import type { PeopleRoutesOptions } from './peopleRoutes.js';
import { recordRead } from './recordRead.js';

const SubjectAccessQuery = z
  .object({
    format: z.enum(['json', 'text']).default('json'),
    /** The subject's request this answers: its number and date. */
    requestNumber: z.string().min(1).max(100),
    requestDate: LocalDate,
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

  app.get('/people/:personId/subject-access', async (request, reply) => {
    const caller = await authenticate(request, tokenKey);
    const { personId } = PersonParams.parse(request.params);
    const query = SubjectAccessQuery.parse(request.query);
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
  });
}
