import { z } from 'zod';
import { CASE_COMMANDS, CASE_EVENTS } from '@dacxa/domain';

const problem = {
  description: 'problem+json: a stable code, a Vietnamese title and, for validation, the field paths',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });

/**
 * The OpenAPI 3.1 description of the service, built from the same zod schemas that validate each
 * command, so the document cannot drift from what the routes accept.
 */
export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const command of CASE_COMMANDS) {
    paths[`/cases/{caseId}/commands/${command.type}`] = {
      post: {
        operationId: command.type,
        summary: command.label.vi,
        description: command.label.en,
        tags: ['Hồ sơ tái hòa nhập (reintegration cases)'],
        parameters: [
          { name: 'caseId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
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
          '201': {
            description: 'recorded',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/AppendResult' } } },
          },
          '400': problem,
          '401': problem,
          '403': problem,
          '409': problem,
          '412': problem,
          '413': problem,
        },
      },
    };
  }
  paths['/cases/{caseId}/history'] = {
    get: {
      operationId: 'caseHistory',
      summary: 'Lịch sử hồ sơ, tại một ngày bất kỳ',
      description: "A case's events as the caller's role may see them, and its status, as of a date",
      tags: ['Hồ sơ tái hòa nhập (reintegration cases)'],
      parameters: [
        { name: 'caseId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        { name: 'asOf', in: 'query', schema: { type: 'string', format: 'date' } },
      ],
      responses: {
        '200': {
          description: 'the history',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  caseId: { type: 'string' },
                  asOf: { type: ['string', 'null'] },
                  status: { type: 'string' },
                  revision: { type: 'integer' },
                  events: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        revision: { type: 'integer' },
                        type: { enum: CASE_EVENTS.map((e) => e.type) },
                        label: { type: 'string' },
                        occurredAt: { type: 'string', format: 'date-time' },
                        actor: { type: 'string' },
                        data: { type: 'object' },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        '401': problem,
        '403': problem,
        '404': problem,
      },
    },
  };
  paths['/views/case-files'] = {
    get: {
      operationId: 'caseFiles',
      summary: 'Bảng hồ sơ của một xã',
      description: "A commune's case files, paged, opened for the caller's role",
      tags: ['Bảng theo dõi (views)'],
      parameters: [
        { name: 'communeCode', in: 'query', required: true, schema: { type: 'string' } },
        {
          name: 'status',
          in: 'query',
          schema: { enum: ['expected', 'received', 'supervised', 'transferredOut', 'closed'] },
        },
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
        '200': {
          description: 'one page',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  items: { type: 'array', items: { type: 'object' } },
                  next: { type: ['string', 'null'] },
                },
              },
            },
          },
        },
        '401': problem,
        '403': problem,
        '504': problem,
      },
    },
  };
  return {
    openapi: '3.1.0',
    info: { title: 'dacxa', version: '0.1.0', description: 'Đặc xá và tái hòa nhập cộng đồng' },
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
