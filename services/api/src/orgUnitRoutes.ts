import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { OrgTree } from '@dacxa/commands';
import { LocalDate, ancestorsAt, localDateAt, successorOf, unitAt } from '@dacxa/domain';
import type { TokenKey } from './auth.js';
import { requireCaller } from './callerHook.js';
import { HttpProblem } from './problems.js';
import { problems } from './problemSchema.js';

const Params = z.object({
  code: z
    .string()
    .regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, 'mã đơn vị không hợp lệ')
    .max(100),
});
const Query = z.object({ on: LocalDate.optional().describe('default: today') }).strict();
const UnitOnDate = z
  .object({
    code: z.string(),
    on: z.string(),
    exists: z.boolean(),
    kind: z.string().nullable(),
    name: z.string().nullable(),
    parent: z.string().nullable(),
    ancestors: z.array(z.string()),
    successor: z.string().nullable().describe('where its responsibilities went after a merger'),
  })
  .describe('the unit on that date');

/**
 * `GET /org-units/units/:code?on=YYYY-MM-DD`: a unit as it stood on a date (today by default): its
 * name, kind, parent and the chain above it, and where its responsibilities went after a merger.
 * Office codes hold a slash, so the code is sent URL-encoded (`xa-an-khanh%2Fcong-an`).
 */
export function registerOrgUnitRoutes(
  app: FastifyInstance,
  options: { tree: OrgTree; tokenKey: TokenKey; now: () => Date },
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/org-units/units/:code',
    {
      preValidation: requireCaller(options.tokenKey),
      schema: {
        tags: ['Đơn vị (organisation units)'],
        operationId: 'orgUnits.unit',
        summary: 'Một đơn vị tại một ngày',
        description: 'a unit on a date (on=), its parent chain and its successor after a merger',
        params: Params,
        querystring: Query,
        response: { 200: UnitOnDate, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const { code } = request.params;
      const on = request.query.on ?? localDateAt(options.now().toISOString());
      const tree = await options.tree.current();
      const unit = unitAt(tree, code, on);
      const successor = successorOf(tree, code);
      if (!unit && successor === code)
        throw new HttpProblem(404, 'ERR_NOT_FOUND', 'Đơn vị không tồn tại vào ngày này');
      return {
        code,
        on,
        exists: unit !== null,
        kind: tree[code]?.kind ?? null,
        name: unit?.name ?? null,
        parent: unit?.parent ?? null,
        ancestors: ancestorsAt(tree, code, on),
        // Where a unit no longer in the tree on that date handed its responsibilities (a merger).
        successor: unit === null && successor !== code ? successor : null,
      };
    },
  );
}
