import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DocRef, LegalRef, PersonalDataErased, localDateAt, type CommandMeta } from '@dacxa/domain';
import { ErasureReason, approveErasure, erasureRequests, proposeErasure } from '@dacxa/protection';
import type { Caller } from './auth.js';
import { callerOf, requireCaller } from './callerHook.js';
import { cleaned } from './cleanedBody.js';
import { Erased, ErasureRequests, Proposed } from './peopleSchemas.js';
import { PersonParams, ensurePersonalData, findPerson } from './peopleScope.js';
import type { PeopleRoutesOptions } from './peopleRoutes.js';
import { HttpProblem } from './problems.js';
import { problems } from './problemSchema.js';

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
const TAG = 'Quyền của chủ thể dữ liệu (data subjects’ rights)';

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

  const api = app.withTypeProvider<ZodTypeProvider>();
  const route = { preValidation: requireCaller(tokenKey) };
  api.get(
    '/people/:personId/erasure-requests',
    {
      ...route,
      schema: {
        tags: [TAG],
        operationId: 'people.erasureRequests',
        summary: 'Đề nghị xóa dữ liệu',
        description: 'the erasure requests for a person',
        params: PersonParams,
        response: { 200: ErasureRequests, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { personId } = request.params;
      await ensurePersonalData(
        scope,
        caller,
        'write',
        await findPerson(options, caller, personId, now()),
        now(),
      );
      return { personId, requests: (await erasureRequests(store, personId)).requests };
    },
  );

  api.post(
    '/people/:personId/erasure-requests',
    {
      ...route,
      schema: {
        tags: [TAG],
        operationId: 'people.proposeErasure',
        summary: 'Đề nghị xóa dữ liệu cá nhân',
        description: 'the first of four eyes',
        params: PersonParams,
        body: cleaned(Proposal),
        response: { 201: Proposed, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { personId } = request.params;
      const body = request.body;
      const at = now();
      await ensurePersonalData(scope, caller, 'write', await findPerson(options, caller, personId, at), at);
      const requestId = body.requestId ?? randomUUID();
      await proposeErasure(
        store,
        keys,
        { ...body, requestId, personId, requestedOn: localDateAt(at.toISOString()) },
        metaOf(caller, at),
      );
      return reply.status(201).send({ personId, requestId, status: 'PROPOSED' as const });
    },
  );

  api.post(
    '/people/:personId/erasure-requests/:requestId/approve',
    {
      ...route,
      schema: {
        tags: [TAG],
        operationId: 'people.approveErasure',
        summary: 'Phê duyệt xóa dữ liệu',
        description: 'a second administrator, never the proposer (no body, or an empty object)',
        params: RequestParams,
        body: cleaned(Empty),
        response: { 200: Erased, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { personId, requestId } = request.params;
      const at = now();
      await ensurePersonalData(scope, caller, 'write', await findPerson(options, caller, personId, at), at);
      if (!PersonalDataErased.emittedBy.includes(caller.role))
        throw new HttpProblem(
          403,
          'ERR_FORBIDDEN',
          'Chỉ quản trị hệ thống phê duyệt việc xóa dữ liệu cá nhân',
        );
      const approvedOn = localDateAt(at.toISOString());
      const done = await approveErasure(store, keys, { requestId, personId, approvedOn }, metaOf(caller, at));
      return {
        personId,
        requestId,
        status: 'ERASED' as const,
        erasedOn: done.approved?.approvedOn ?? approvedOn,
      };
    },
  );
}
