import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { OrgTree } from '@dacxa/commands';
import { LocalDate, ancestorsAt, localDateAt, successorOf, unitAt } from '@dacxa/domain';
import { authenticate, type TokenKey } from './auth.js';
import { HttpProblem } from './problems.js';

const Params = z.object({
  code: z
    .string()
    .regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, 'mã đơn vị không hợp lệ')
    .max(100),
});
const Query = z.object({ on: LocalDate.optional() }).strict();

/**
 * `GET /org-units/units/:code?on=YYYY-MM-DD`: a unit as it stood on a date (today by default): its
 * name, kind, parent and the chain above it, and where its responsibilities went after a merger.
 * Office codes hold a slash, so the code is sent URL-encoded (`xa-an-khanh%2Fcong-an`).
 */
export function registerOrgUnitRoutes(
  app: FastifyInstance,
  options: { tree: OrgTree; tokenKey: TokenKey; now: () => Date },
): void {
  app.get('/org-units/units/:code', async (request) => {
    await authenticate(request, options.tokenKey);
    const { code } = Params.parse(request.params);
    const on = Query.parse(request.query).on ?? localDateAt(options.now().toISOString());
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
  });
}
