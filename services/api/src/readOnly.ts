import type { FastifyInstance } from 'fastify';
import { HttpProblem } from './problems.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Read-only service (`dacxa serve --read-only`, for investigating a store that failed its check):
 * every request that could write, which is every command, is refused with 503 before it is routed.
 */
export function refuseCommands(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (READS.has(request.method)) return;
    throw new HttpProblem(
      503,
      'ERR_READ_ONLY',
      'Hệ thống đang chạy ở chế độ chỉ đọc để điều tra: không nhận lệnh',
      'the service runs read-only for an investigation of its event store; commands are refused',
    );
  });
}
