import { z } from 'zod';

/** An RFC 9457 problem as problems.ts sends it; one component of the document, referenced by every refusal. */
export const Problem = z
  .object({
    type: z.string().describe('the code’s entry in /docs/errors'),
    title: z.string().describe('Vietnamese'),
    status: z.int(),
    code: z.string().describe('stable: ERR_VALIDATION, ERR_NOT_FOUND, … (docs/errors.md)'),
    detail: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('a validation failure’s field paths, with zod’s Vietnamese messages'),
    rule: z.string().optional().describe('the rule of the law that refused'),
    basis: z.unknown().optional(),
    instance: z.string().describe('urn:uuid:<request id>, as the service logs it'),
  })
  .meta({ id: 'Problem' });

const WHY: Record<number, string> = {
  400: 'the request does not fit its schema (ERR_VALIDATION, with field paths) or is malformed',
  401: 'no bearer token, or one that does not verify',
  403: 'the access policy or a rule of the law refuses this role or unit',
  404: 'no such record, or one the caller may not know of',
  409: 'the record’s state refuses the step',
  410: 'the person’s data is erased',
  412: 'If-Match names a revision that is not the stream’s',
  413: 'the body or the event is too large',
  422: 'well-formed but refused: Idempotency-Key reused, Occurred-On in the future, Late-Reason missing',
  503: 'not now: the view is rebuilding, no checkpoint or tree head yet',
  504: 'the view did not reach minPosition in time',
};

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

/**
 * The refusals a route sends, by status, and `default`: what any route may answer (429 after
 * failed authentications, 503 under load or read-only, 500), all as problem+json.
 */
export function problems<S extends keyof typeof WHY>(...statuses: S[]) {
  const listed = Object.fromEntries(statuses.map((s) => [s, problemResponse(WHY[s] ?? '')])) as Record<
    S,
    ReturnType<typeof problemResponse>
  >;
  return {
    ...listed,
    default: problemResponse('any other refusal or fault (429, 500, 503 …), as problem+json'),
  };
}
