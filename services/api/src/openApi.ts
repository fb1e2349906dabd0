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
        {
          name: 'Occurred-On',
          in: 'header',
          schema: { type: 'string', format: 'date' },
          description: 'when the act happened (Asia/Ho_Chi_Minh), never after the day of entry',
        },
        {
          name: 'Late-Reason',
          in: 'header',
          schema: { type: 'string' },
          description: 'why it is entered late (UTF-8, percent-encoded); required for a late entry',
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
          name: 'by',
          in: 'query',
          schema: { type: 'string', enum: ['recording', 'occurrence'], default: 'recording' },
          description: 'asOf by the day each event was entered, or the day each act happened',
        },
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

/** A route outside the aggregates, the views and the ledger: health, reports, people's rights. */
const TAGS: Record<string, string> = {
  health: 'Hệ thống (health)',
  me: 'Hệ thống (health)',
  orgUnits: 'Đơn vị (organisation units)',
  reports: 'Báo cáo (reports)',
  people: 'Quyền của chủ thể dữ liệu (data subjects’ rights)',
  views: 'Bảng theo dõi (views)',
};
const route = (
  method: 'get' | 'post',
  operationId: string,
  summary: string,
  description: string,
  parameters: Array<{ name: string; in: 'path' | 'query'; required?: boolean }> = [],
  statuses: number[] = [400, 401, 403, 404],
  open = false,
) => ({
  [method]: {
    operationId,
    summary,
    description,
    tags: [TAGS[operationId.split('.')[0] ?? ''] ?? 'dacxa'],
    ...(open ? { security: [] } : {}),
    parameters: parameters.map((p) => ({
      ...p,
      required: p.in === 'path' || p.required === true,
      schema: { type: 'string' },
    })),
    responses: { '200': ok(description, { type: 'object' }), ...problems(...statuses) },
  },
});

const PERSON = { name: 'personId', in: 'path' as const };
const REQUEST = { name: 'requestId', in: 'path' as const };
const OTHER_PATHS = {
  '/views/reconciliation/summary': route(
    'get',
    'views.reconciliationSummary',
    'Đối soát ngày trả tự do',
    'per round: expected, reported on time or late, arrived elsewhere, not yet seen, overdue — by commune and province',
    [
      { name: 'unit', in: 'query' },
      { name: 'roundId', in: 'query' },
    ],
    [400, 401, 403],
  ),
  '/health': route(
    'get',
    'health.report',
    'Sức khỏe hệ thống',
    'views, ledger, witnesses; `ready`',
    [],
    [],
    true,
  ),
  '/health/live': route('get', 'health.live', 'Còn sống', 'answers while the process does', [], [], true),
  '/health/ready': route(
    'get',
    'health.ready',
    'Sẵn sàng',
    '503 until stores answer and views and ledger are caught up',
    [],
    [503],
    true,
  ),
  '/org-units/units/{code}': route(
    'get',
    'orgUnits.unit',
    'Một đơn vị tại một ngày',
    'a unit on a date (on=), its parent chain and its successor after a merger',
    [
      { name: 'code', in: 'path' },
      { name: 'on', in: 'query' },
    ],
  ),
  '/me': route('get', 'me', 'Người gọi', 'the caller the token names', [], [401]),
  '/reports': route(
    'get',
    'reports.list',
    'Các loại báo cáo',
    'report kinds, id first (docs/reports.md)',
    [],
    [401],
  ),
  '/reports/{id}': route(
    'get',
    'reports.get',
    'Một báo cáo',
    'docx, xlsx or json at a log position; header X-Dacxa-Position',
    [
      { name: 'id', in: 'path' },
      { name: 'unit', in: 'query' },
      { name: 'period', in: 'query' },
      { name: 'at', in: 'query' },
      { name: 'format', in: 'query' },
    ],
  ),
  '/people/{personId}/erasure-requests': {
    ...route('get', 'people.erasureRequests', 'Đề nghị xóa dữ liệu', 'the erasure requests for a person', [
      PERSON,
    ]),
    ...route(
      'post',
      'people.proposeErasure',
      'Đề nghị xóa dữ liệu cá nhân',
      'the first of four eyes',
      [PERSON],
      [400, 401, 403, 404, 409],
    ),
  },
  '/people/{personId}/erasure-requests/{requestId}/approve': route(
    'post',
    'people.approveErasure',
    'Phê duyệt xóa dữ liệu',
    'a second administrator, never the proposer',
    [PERSON, REQUEST],
    [401, 403, 404, 409],
  ),
  '/people/{personId}/subject-access': route(
    'get',
    'people.subjectAccess',
    'Cung cấp dữ liệu cho chủ thể',
    'everything held about one person (JSON or format=text)',
    [
      PERSON,
      { name: 'requestNumber', in: 'query', required: true },
      { name: 'requestDate', in: 'query', required: true },
      { name: 'format', in: 'query' },
    ],
  ),
  '/people/{personId}/reads': route(
    'get',
    'people.reads',
    'Lịch sử truy cập dữ liệu của một người',
    'every read of the person’s records; embargoed reads withheld',
    [PERSON],
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
  Object.assign(paths, AUDIT_PATHS, OTHER_PATHS);
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
