import { z } from 'zod';
import { ALL_PROJECTIONS, type FilterKind } from '@dacxa/read-models';

const TRUE_FALSE = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

/** The query parameter for one declared filter: the value a document's field is compared with. */
function parameterOf(kind: FilterKind): z.ZodType {
  if (kind === 'id') return z.uuid().optional();
  if (kind === 'unit') return z.string().min(1).max(200).optional();
  if (kind === 'boolean') return TRUE_FALSE;
  return z.enum(kind.oneOf).optional();
}

/**
 * A view's query filters, from its projection's own declaration (packages/read-models): the API
 * repeats none of them, and each is indexed by the store (`indexesOf`).
 */
export function filtersOf(projection: string, collection: string): z.ZodObject {
  const declared = ALL_PROJECTIONS.find((p) => p.name === projection)?.collections.find(
    (c) => c.name === collection,
  );
  if (!declared) throw new TypeError(`no collection ${collection} in projection ${projection}`);
  return z.object(
    Object.fromEntries(
      Object.entries(declared.filters ?? {}).map(([field, kind]) => [field, parameterOf(kind)]),
    ),
  );
}
