import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { addCheckpoint, type WitnessContext } from './addCheckpoint.js';

/** A checkpoint with 63 proof lines and a few signatures fits in far less. */
const BODY_LIMIT = 64 * 1024;

/** The witness over HTTP: `POST /add-checkpoint` (c2sp.org/tlog-witness), and its own verifier key. */
export function buildWitnessApp(
  context: WitnessContext & { logger: FastifyBaseLogger; verifierKey: string },
): FastifyInstance {
  const app = Fastify({ loggerInstance: context.logger, bodyLimit: BODY_LIMIT, requestTimeout: 10_000 });
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.post('/add-checkpoint', async (request, reply) => {
    const answer = addCheckpoint(typeof request.body === 'string' ? request.body : '', context);
    if (answer.status !== 200)
      request.log.warn({ status: answer.status, reason: answer.body.trim() }, 'checkpoint refused');
    return reply.status(answer.status).type(answer.contentType).send(answer.body);
  });
  app.get('/verifier-key', async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').send(`${context.verifierKey}\n`),
  );
  return app;
}
