import { z } from 'zod';
import { AGGREGATES, ALL_EVENTS, type AggregateKind } from '@dacxa/domain';
import { AGGREGATE_PATHS } from './streamRoutes.js';
import { DeadlineFilters, VIEWS } from './viewCatalogue.js';

const problem = {
  description: 'problem+json: a stable code, a Vietnamese title and, for validation, the field paths',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};
const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [String(s), problem]));
const ok = (description: string, schema: unknown) => ({
  description,
  content: { 'application/json': { schema } },
});

const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });

const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const toOpenApiPath = (path: string) => path.replace(':id', '{id}');

function commandOperation(
  kind: AggregateKind,
  command: { type: string; label: { vi: string; en: string }; schema: z.ZodType },
) {
  const aggregate = AGGREGATES[kind];
  return {
    post: {
      operationId: `${kind}.${command.type}`,
      summary: command.label.vi,
      description: command.label.en,
      tags: [`${aggregate.label.vi} (${aggregate.label.en})`],
      parameters: [
        ...(aggregate.idField ? [idParameter] : []),
        {
          name: 'If-Match',
          in: 'header',
          schema: { type: 'string' },
          description: 'the stream revision last seen',
        },
        {
          name: 'Idempotency-Key',
          in: 'header',
          schema: { type: 'string' },
          description: 'a retry returns the first result',
        },
      ],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: jsonSchema(command.schema) } },
      },
      responses: {
        '201': ok('recorded', { $ref: '#/components/schemas/AppendResult' }),
        ...problems(400, 401, 403, 409, 412, 413, 422),
      },
    },
  };
}

function historyOperation(kind: AggregateKind) {
  const aggregate = AGGREGATES[kind];
  return {
    get: {
      operationId: `${kind}.history`,
      summary: `Lịch sử: ${aggregate.label.vi}, tại một ngày bất kỳ`,
      description: 'Events as the caller’s role may see them, paged by revision, optionally as of a date',
      tags: [`${aggregate.label.vi} (${aggregate.label.en})`],
      parameters: [
        ...(aggregate.idField ? [idParameter] : []),
        { name: 'asOf', in: 'query', schema: { type: 'string', format: 'date' } },
        {
          name: 'after',
          in: 'query',
          schema: { type: 'integer', minimum: -1 },
          description: 'previous page’s `next`',
        },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 200 } },
      ],
      responses: {
        '200': ok('the history', {
          type: 'object',
          properties: {
            kind: { type: 'string' },
            id: { type: 'string' },
            asOf: { type: ['string', 'null'] },
            status: {},
            revision: { type: 'integer' },
            next: { type: ['string', 'null'] },
            events: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  revision: { type: 'integer' },
                  position: { type: 'string' },
                  type: { enum: ALL_EVENTS.map((e) => e.type) },
                  label: { type: 'string' },
                  occurredAt: { type: 'string', format: 'date-time' },
                  actor: { type: 'string' },
                  data: { type: 'object' },
                },
              },
            },
          },
        }),
        ...problems(401, 403, 404),
      },
    },
  };
}

function timelineOperation(kind: AggregateKind) {
  const aggregate = AGGREGATES[kind];
  return {
    get: {
      operationId: `${kind}.timeline`,
      summary: `Diễn biến (tiếng Việt): ${aggregate.label.vi}`,
      description: 'A readable Vietnamese timeline, dd/mm/yyyy; `Accept: text/plain` for plain lines',
      tags: [`${aggregate.label.vi} (${aggregate.label.en})`],
      parameters: aggregate.idField ? [idParameter] : [],
      responses: { '200': ok('the timeline', { type: 'object' }), ...problems(401, 403, 404) },
    },
  };
}

const DEADLINE_PARAMETERS: Record<keyof typeof DeadlineFilters.shape, (responsible: string) => string> = {
  overdue: () =>
    'true: the open deadline (`dueOn`) is before today in Asia/Ho_Chi_Minh; false: today or later. REQUEST tasks are awaited, never overdue',
  dueWithinDays: () => 'the open deadline falls between today and today + N days (0–366)',
  responsible: (field) => `who must act: a filter on \`${field}\`, inside the caller’s scope`,
  sort: () => '`dueOn`: records with an open deadline, earliest first',
};

/** The board's deadline filters, documented from their one declaration (viewCatalogue.ts). */
function deadlineParameters(responsible: string) {
  return Object.entries(DEADLINE_PARAMETERS).map(([field, describe]) => ({
    name: field,
    in: 'query',
    description: describe(responsible),
    schema: jsonSchema(DeadlineFilters.shape[field as keyof typeof DeadlineFilters.shape]),
  }));
}

function viewOperation(name: string) {
  const view = VIEWS[name]!;
  const filters = Object.keys(view.filters.shape).map((field) => ({
    name: field,
    in: 'query',
    schema: jsonSchema(view.filters.shape[field] as z.ZodType),
  }));
  const deadlines = view.deadlines ? deadlineParameters(view.deadlines.responsible) : [];
  return {
    get: {
      operationId: `view.${name}`,
      summary: `Bảng theo dõi: ${name}`,
      description:
        'Documents in the caller’s scope (`unit`, default the caller’s own commune or province), paged, opened for the caller’s role',
      tags: ['Bảng theo dõi (views)'],
      parameters: [
        {
          name: 'unit',
          in: 'query',
          schema: { type: 'string' },
          description: 'a unit inside the caller’s subtree',
        },
        ...filters,
        ...deadlines,
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
        { name: 'cursor', in: 'query', schema: { type: 'string' } },
        {
          name: 'minPosition',
          in: 'query',
          schema: { type: 'string', pattern: '^\\d+$' },
          description: 'wait until the view reflects this write position (504 if it does not in time)',
        },
      ],
      responses: {
        '200': ok('one page', {
          type: 'object',
          properties: {
            items: { type: 'array', items: { type: 'object' } },
            next: { type: ['string', 'null'] },
          },
        }),
        ...problems(400, 401, 403, 503, 504),
      },
    },
  };
}

const audit = (
  operationId: string,
  summary: string,
  description: string,
  parameters: string[] = [],
  open = false,
) => ({
  get: {
    operationId,
    summary,
    description,
    tags: ['Kiểm toán (audit)'],
    ...(open ? { security: [] } : {}),
    parameters: parameters.map((name) => ({ name, in: 'query', schema: { type: 'string' } })),
    responses: { '200': ok(description, { type: 'object' }), ...problems(400, 401, 403, 404) },
  },
});

/** The ledger's routes (docs/audit-format.md). */
const AUDIT_PATHS = {
  '/audit/public-key': audit(
    'audit.publicKey',
    'Khóa công khai ký gốc cây',
    'The Ed25519 public key (PEM) and its key id',
    [],
    true,
  ),
  '/checkpoint': audit(
    'audit.checkpoint',
    'Điểm kiểm tra C2SP',
    'The latest signed head as a C2SP checkpoint note (text/plain; docs/witnesses.md)',
    [],
    true,
  ),
  '/audit/tree-heads': audit(
    'audit.treeHeads',
    'Các gốc cây đã ký',
    'Signed tree heads, newest first',
    ['limit'],
    true,
  ),
  '/audit/proofs/inclusion': audit(
    'audit.inclusion',
    'Bằng chứng bao hàm',
    'RFC 9162 audit path of the event at a position',
    ['position', 'treeSize'],
  ),
  '/audit/proofs/consistency': audit(
    'audit.consistency',
    'Bằng chứng nhất quán',
    'RFC 9162 consistency proof from a head the auditor saved (from, fromRoot) to a signed head (to, default: the newest); 409 when the saved root is not in this history',
    ['from', 'fromRoot', 'to'],
  ),
  '/audit/access-log': audit(
    'audit.accessLog',
    'Nhật ký truy cập hồ sơ',
    'Who read which records in an area (oversight bodies, auditors)',
    ['unit', 'limit'],
  ),
  '/audit/export': audit(
    'audit.export',
    'Xuất nhật ký (NDJSON hoặc CSV)',
    'An area’s events cut at a head signed at or after the request; header Dacxa-Tree-Head',
    ['format', 'unit', 'from', 'to', 'periodOf', 'stream', 'category', 'type'],
  ),
};

/**
 * The OpenAPI 3.1 description of the service, built from the same zod schemas that validate each
 * command, so the document cannot drift from what the routes accept.
 */
export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const [kind, path] of Object.entries(AGGREGATE_PATHS) as Array<[AggregateKind, string]>) {
    for (const command of AGGREGATES[kind].commands) {
      paths[toOpenApiPath(`${path}/commands/${command.type}`)] = commandOperation(kind, command);
    }
    paths[toOpenApiPath(`${path}/history`)] = historyOperation(kind);
    paths[toOpenApiPath(`${path}/timeline`)] = timelineOperation(kind);
  }
  for (const name of Object.keys(VIEWS)) paths[`/views/${name}`] = viewOperation(name);
  Object.assign(paths, AUDIT_PATHS);
  return {
    openapi: '3.1.0',
    info: {
      title: 'dacxa',
      version: '0.1.0',
      description: 'Đặc xá và tái hòa nhập cộng đồng. Live views: WebSocket /ws (docs/live-views.md).',
    },
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        AppendResult: {
          type: 'object',
          properties: { revision: { type: 'integer' }, position: { type: 'string' } },
          required: ['revision', 'position'],
        },
        Problem: {
          type: 'object',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            code: { type: 'string' },
            detail: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: { path: { type: 'string' }, message: { type: 'string' } },
              },
            },
            rule: { type: 'string' },
          },
          required: ['type', 'title', 'status', 'code'],
        },
      },
    },
  };
}
