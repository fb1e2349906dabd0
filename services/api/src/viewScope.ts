import type { Access } from '@dacxa/protection';
import type { Condition } from '@dacxa/read-models';
import { unitRoot } from '@dacxa/read-models';
import { accessFor } from './accessFor.js';
import type { Caller } from './auth.js';
import { HttpProblem } from './problems.js';
import type { UnitScope } from './unitScope.js';
import type { ViewSpec } from './viewCatalogue.js';

/** What a caller may read of a view: the documents' condition and how their sealed fields open. */
export interface ViewScope {
  where: Record<string, Condition>;
  access: Access;
  /** Whether a changed document falls in this scope (for the live feed). */
  includes(doc: Record<string, unknown>): boolean;
}

/**
 * A view read for `unit` (the caller's own commune or province by default): refused with 403
 * unless the caller's unit holds it; otherwise every unit under it in the tree.
 */
export async function viewScope(
  scope: UnitScope,
  caller: Caller,
  view: ViewSpec,
  unit: string | undefined,
  now: Date,
): Promise<ViewScope> {
  const access = accessFor(caller);
  if (view.scopeField === null) {
    if (!(await scope.covers(caller, 'province', now))) {
      throw new HttpProblem(403, 'ERR_FORBIDDEN', 'Vai trò của bạn không xem được dữ liệu đợt đặc xá');
    }
    return { where: {}, access, includes: () => true };
  }
  const asked = unit ?? unitRoot(caller.unit);
  if (!(await scope.covers(caller, [asked], now))) {
    throw new HttpProblem(403, 'ERR_FORBIDDEN', 'Đơn vị này không thuộc phạm vi của bạn');
  }
  const units = await scope.unitsUnder(asked, now);
  const field = view.scopeField;
  return {
    where: { [field]: { in: units } },
    access,
    includes: (doc) => units.includes(String(doc[field])),
  };
}
