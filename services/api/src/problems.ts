import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { ERRORS, problemType, type ErrorCode } from './errorRegistry.js';

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

/** A typed error as the packages throw it: its code, and what it says, in Vietnamese and English. */
interface CodedError {
  code: string;
  message?: string;
  title?: string;
  vi?: string;
  en?: string;
  rule?: string;
  basis?: unknown;
}

const isCoded = (error: unknown): error is CodedError =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';

const invalid = (errors: NonNullable<Problem['errors']>): Problem => ({
  type: problemType('ERR_VALIDATION'),
  title: ERRORS.ERR_VALIDATION.vi,
  status: 400,
  code: 'ERR_VALIDATION',
  errors,
});

/**
 * The problem for an error: a validation failure with its field paths, any typed error whose code
 * the registry lists (status and type from there; its own Vietnamese and English words), an HTTP
 * error fastify raised, else a 500 that names nothing of its cause.
 */
function toProblem(error: unknown): Problem {
  if (error instanceof ZodError)
    return invalid(error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  // A route's own schema refused the request: the same paths, relative to the part refused.
  if (hasZodFastifySchemaValidationErrors(error))
    return invalid(
      error.validation.map((v) => ({
        path: v.instancePath.slice(1).split('/').join('.'),
        message: v.message ?? '',
      })),
    );
  if (isCoded(error) && error.code in ERRORS) {
    const code = error.code as ErrorCode;
    const { status, vi } = ERRORS[code];
    if (status !== null && status < 500)
      return {
        type: problemType(code),
        title: error.title ?? error.vi ?? vi,
        status,
        code,
        ...((error.en ?? error.message) ? { detail: error.en ?? error.message } : {}),
        ...(error.rule ? { rule: error.rule } : {}),
        ...(error.basis ? { basis: error.basis } : {}),
      };
    // A fault: its code (for the operator's logs) and the registry's title, never its message.
    if (status !== null) return { type: problemType(code), title: vi, status, code };
  }
  const fastify = error as FastifyError;
  if (fastify.statusCode && fastify.statusCode < 500) {
    const title = fastify.statusCode === 413 ? 'Dữ liệu gửi lên quá lớn' : ERRORS.ERR_BAD_REQUEST.vi;
    return {
      type: problemType('ERR_BAD_REQUEST'),
      title,
      status: fastify.statusCode,
      code: 'ERR_BAD_REQUEST',
      detail: `${fastify.code ?? ''} ${fastify.message}`.trim(),
    };
  }
  return {
    type: problemType('ERR_INTERNAL'),
    title: ERRORS.ERR_INTERNAL.vi,
    status: 500,
    code: 'ERR_INTERNAL',
  };
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
  // RFC 9457 `instance`: this occurrence, by the id the service logs the request under.
  const instance = `urn:uuid:${request.id}`;
  return reply
    .status(problem.status)
    .type('application/problem+json')
    .send({ ...problem, instance });
}
