import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { CommandError, type CommandErrorCode } from '@dacxa/commands';
import { CalendarUncoveredError, DateRangeError, DomainRefusal } from '@dacxa/domain';
import { ConcurrencyError, EventStoreError } from '@dacxa/event-store';
import { RightsError, type RightsErrorCode } from '@dacxa/protection';
import { ProjectionTimeoutError } from '@dacxa/read-models';

/** An error a client made, with its stable code, HTTP status and Vietnamese title. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail?: string,
  ) {
    super(detail ?? title);
  }
}

interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: Array<{ path: string; message: string }>;
  rule?: string;
  basis?: unknown;
}

/** The handler's refusals: a foreign record answers as a missing one (404), a reused key is 422. */
const COMMAND_STATUS: Record<CommandErrorCode, number> = {
  ERR_FORBIDDEN: 403,
  ERR_NOT_FOUND: 404,
  ERR_IDEMPOTENCY_KEY_REUSED: 422,
  ERR_UNKNOWN_COMMAND: 404,
  ERR_ID_MISMATCH: 400,
  ERR_CONFLICT_RETRIES: 409,
  ERR_OCCURRED_IN_FUTURE: 422,
  ERR_LATE_ENTRY_REASON: 422,
};

/** A person's rights refused: self-approval is forbidden, a decided request or erased person a conflict. */
const RIGHTS_STATUS: Record<RightsErrorCode, number> = {
  ERR_FOUR_EYES: 403,
  ERR_ERASURE_REQUEST_NOT_FOUND: 404,
  ERR_ERASURE_REQUEST_DECIDED: 409,
  ERR_SUBJECT_ALREADY_ERASED: 409,
};

function toProblem(error: unknown): Problem {
  if (error instanceof HttpProblem)
    return {
      type: 'about:blank',
      title: error.title,
      status: error.status,
      code: error.code,
      detail: error.message,
    };
  if (error instanceof ZodError) {
    const errors = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return {
      type: 'about:blank',
      title: 'Dữ liệu không hợp lệ',
      status: 400,
      code: 'ERR_VALIDATION',
      errors,
    };
  }
  if (error instanceof DomainRefusal) {
    const status = error.code === 'ERR_FORBIDDEN' ? 403 : 409;
    return {
      type: 'about:blank',
      title: error.vi,
      status,
      code: error.code,
      detail: error.en,
      rule: error.rule,
      ...(error.basis ? { basis: error.basis } : {}),
    };
  }
  if (error instanceof CommandError)
    return {
      type: 'about:blank',
      title: error.vi,
      status: COMMAND_STATUS[error.code],
      code: error.code,
      detail: error.message,
    };
  if (error instanceof RightsError)
    return {
      type: 'about:blank',
      title: error.vi,
      status: RIGHTS_STATUS[error.code],
      code: error.code,
      detail: error.message,
    };
  if (error instanceof DateRangeError)
    return { type: 'about:blank', title: error.vi, status: 400, code: error.code, detail: error.en };
  // A deadline in a year no calendar covers: nothing is recorded until that year is published.
  if (error instanceof CalendarUncoveredError)
    return { type: 'about:blank', title: error.vi, status: 422, code: error.code, detail: error.en };
  if (error instanceof ConcurrencyError)
    return {
      type: 'about:blank',
      title: 'Hồ sơ vừa được người khác cập nhật',
      status: 412,
      code: error.code,
      detail: error.message,
    };
  if (error instanceof EventStoreError)
    return {
      type: 'about:blank',
      title: 'Yêu cầu không hợp lệ',
      status: 400,
      code: error.code,
      detail: error.message,
    };
  if (error instanceof ProjectionTimeoutError)
    return {
      type: 'about:blank',
      title: 'Dữ liệu chưa cập nhật kịp',
      status: 504,
      code: error.code,
      detail: error.message,
    };
  const fastify = error as FastifyError;
  if (fastify.statusCode && fastify.statusCode < 500) {
    const title = fastify.statusCode === 413 ? 'Dữ liệu gửi lên quá lớn' : 'Yêu cầu không hợp lệ';
    return {
      type: 'about:blank',
      title,
      status: fastify.statusCode,
      code: fastify.code ?? 'ERR_BAD_REQUEST',
      detail: fastify.message,
    };
  }
  return { type: 'about:blank', title: 'Lỗi hệ thống', status: 500, code: 'ERR_INTERNAL' };
}

/** The one error handler: problem+json with a stable code and a Vietnamese title; a 500 hides its cause. */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const problem = toProblem(error);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  // Refused access is kept for review: who tried, as what, from which unit; never the token itself.
  else if (problem.status === 401 || problem.status === 403) {
    request.log.warn(
      { code: problem.code, status: problem.status, caller: request.caller },
      'access refused',
    );
  } else request.log.info({ code: problem.code, status: problem.status }, 'request refused');
  return reply.status(problem.status).type('application/problem+json').send(problem);
}
