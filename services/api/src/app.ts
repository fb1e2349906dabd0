import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CASE_COMMANDS, LocalDate, eventDefinition, localDateAt, type CaseCommand } from '@dacxa/domain';
import type { EventStore } from '@dacxa/event-store';
import type { Sealer } from '@dacxa/protection';
import { accessFor } from './accessFor.js';
import { authenticate, type TokenKey } from './auth.js';
import { registerCaseFilesRoute, type ViewsOptions } from './caseFilesRoute.js';
import { renderDocsPage } from './docsPage.js';
import { buildOpenApi } from './openApi.js';
import { HttpProblem, sendProblem } from './problems.js';
import { loadCase } from './loadCase.js';
import { runCaseCommand } from './runCaseCommand.js';

export interface AppOptions {
  store: EventStore;
  sealer: Sealer;
  tokenKey: TokenKey;
  logger: FastifyBaseLogger;
  /** The projections and their documents; views are served when given. */
  views?: ViewsOptions;
  /** The clock: commands carry the instant they were received, the domain never reads one. */
  now?: () => Date;
}

/** Bodies larger than any command needs are refused before parsing (413). */
const BODY_LIMIT = 256 * 1024;
const CaseParams = z.object({ caseId: z.uuid() });
const HistoryQuery = z.object({ asOf: LocalDate.optional() }).strict();
const IfMatch = z
  .string()
  .regex(/^"?\d+"?$/, 'If-Match là số phiên bản của hồ sơ')
  .transform((v) => Number(v.replaceAll('"', '')));

/**
 * The HTTP service: one route per case command, validated by the command's own zod schema, and a
 * case's history as it stood on any date, opened for the caller's role and unit.
 */
export function buildApp(options: AppOptions): FastifyInstance {
  const { store, sealer, tokenKey } = options;
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: BODY_LIMIT,
    genReqId: () => crypto.randomUUID(),
  });
  app.setErrorHandler((error, request, reply) => sendProblem(error, request, reply));
  app.setNotFoundHandler((request, reply) =>
    sendProblem(new HttpProblem(404, 'ERR_NOT_FOUND', 'Không tìm thấy'), request, reply),
  );

  app.get('/health', async () => ({ status: 'ok' }));
  const openApi = buildOpenApi();
  const docsPage = renderDocsPage(openApi);
  app.get('/docs/openapi.json', async () => openApi);
  app.get('/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(docsPage));

  for (const definition of CASE_COMMANDS) {
    app.post(`/cases/:caseId/commands/${definition.type}`, async (request, reply) => {
      const caller = await authenticate(request, tokenKey);
      const { caseId } = CaseParams.parse(request.params);
      const data = (definition.schema as z.ZodType).parse(request.body);
      const bodyCase = (data as { caseId?: unknown }).caseId;
      if (bodyCase !== undefined && bodyCase !== caseId) {
        throw new HttpProblem(400, 'ERR_CASE_MISMATCH', 'Mã hồ sơ trong nội dung khác mã trên đường dẫn');
      }
      const idempotencyKey = request.headers['idempotency-key'];
      const ifMatch = request.headers['if-match'];
      const command = {
        type: definition.type,
        data,
        meta: {
          actor: caller.actor,
          role: caller.role,
          unit: caller.unit,
          now: now().toISOString(),
          ...(typeof idempotencyKey === 'string' ? { commandId: idempotencyKey } : {}),
        },
      } as CaseCommand;
      const expected = typeof ifMatch === 'string' ? IfMatch.parse(ifMatch) : undefined;
      const result = await runCaseCommand(store, sealer, caseId, command, expected);
      return reply
        .status(201)
        .header('etag', `"${result.revision}"`)
        .send({ revision: result.revision, position: result.position.toString() });
    });
  }

  if (options.views) registerCaseFilesRoute(app, tokenKey, options.views);

  app.get('/cases/:caseId/history', async (request) => {
    const caller = await authenticate(request, tokenKey);
    const { caseId } = CaseParams.parse(request.params);
    const { asOf } = HistoryQuery.parse(request.query);
    const { state, events: stored } = await loadCase(
      store,
      sealer,
      caseId,
      (event) => !asOf || localDateAt(event.occurredAt) <= asOf,
    );
    if (stored.length === 0) throw new HttpProblem(404, 'ERR_NOT_FOUND', 'Không tìm thấy hồ sơ');
    const access = accessFor(caller, state.status === 'none' ? undefined : state.communeCode);
    if (!access.inScope) {
      throw new HttpProblem(403, 'ERR_FORBIDDEN', 'Hồ sơ không thuộc phạm vi đơn vị của bạn');
    }
    const events = await Promise.all(stored.map((event) => sealer.unsealEvent(event, access)));
    return {
      caseId,
      asOf: asOf ?? null,
      status: state.status,
      revision: stored.at(-1)?.revision,
      events: events.map((event) => ({
        revision: event.revision,
        type: event.type,
        label: eventDefinition(event.type)?.label.vi ?? event.type,
        occurredAt: event.occurredAt,
        actor: event.metadata.actor,
        data: event.data,
      })),
    };
  });

  return app;
}
