import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DocRef, LegalRef, PersonalDataErased, localDateAt, type CommandMeta } from '@dacxa/domain';
import { ErasureReason, approveErasure, erasureRequests, proposeErasure } from '@dacxa/protection';
import { authenticate, type Caller } from './auth.js';
import { PersonParams, ensurePersonalData, parseBody, findPerson } from './peopleScope.js';
import type { PeopleRoutesOptions } from './peopleRoutes.js';
import { HttpProblem } from './problems.js';

const Proposal = z
  .object({
    /** Supplying one makes a retry safe: the same id is refused as already decided. */
    requestId: z.uuid().optional(),
    reason: ErasureReason,
    legalBasis: LegalRef.strict(),
    document: DocRef,
  })
  .strict();
const RequestParams = PersonParams.extend({ requestId: z.uuid() }).strict();
const Empty = z.object({}).strict();

const metaOf = (caller: Caller, now: Date): CommandMeta => ({
  actor: caller.actor,
  role: caller.role,
  unit: caller.unit,
  now: now.toISOString(),
});

/**
 * Four-eyes erasure: one person of a role the policy lets write the person's rights proposes, with
 * the legal basis and the document; another (an administrator, whom PersonalDataErased names)
 * approves, and the erasure is carried out. Each step is an event in `person-rights-<personId>`.
 */
export function registerErasureRoutes(app: FastifyInstance, options: PeopleRoutesOptions): void {
  const { store, keys, tokenKey, scope, now } = options;

  app.get('/people/:personId/erasure-requests', async (request) => {
    const caller = await authenticate(request, tokenKey);
    const { personId } = PersonParams.parse(request.params);
    await ensurePersonalData(
      scope,
      caller,
      'write',
      await findPerson(options, caller, personId, now()),
      now(),
    );
    return { personId, requests: (await erasureRequests(store, personId)).requests };
  });

  app.post('/people/:personId/erasure-requests', async (request, reply) => {
    const caller = await authenticate(request, tokenKey);
    const { personId } = PersonParams.parse(request.params);
    const body = parseBody(Proposal, request.body);
    const at = now();
    await ensurePersonalData(scope, caller, 'write', await findPerson(options, caller, personId, at), at);
    const requestId = body.requestId ?? randomUUID();
    await proposeErasure(
      store,
      keys,
      { ...body, requestId, personId, requestedOn: localDateAt(at.toISOString()) },
      metaOf(caller, at),
    );
    return reply.status(201).send({ personId, requestId, status: 'PROPOSED' });
  });

  app.post('/people/:personId/erasure-requests/:requestId/approve', async (request) => {
    const caller = await authenticate(request, tokenKey);
    const { personId, requestId } = RequestParams.parse(request.params);
    parseBody(Empty, request.body);
    const at = now();
    await ensurePersonalData(scope, caller, 'write', await findPerson(options, caller, personId, at), at);
    if (!PersonalDataErased.emittedBy.includes(caller.role))
      throw new HttpProblem(403, 'ERR_FORBIDDEN', 'Chỉ quản trị hệ thống phê duyệt việc xóa dữ liệu cá nhân');
    const approvedOn = localDateAt(at.toISOString());
    const done = await approveErasure(store, keys, { requestId, personId, approvedOn }, metaOf(caller, at));
    return { personId, requestId, status: 'ERASED', erasedOn: done.approved?.approvedOn ?? approvedOn };
  });
}
