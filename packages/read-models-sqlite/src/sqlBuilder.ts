import type { Condition, Query } from '@dacxa/read-models';

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** The column of an indexed field, or a json_extract for any other. Field names are validated, never bound. */
export function columnOf(field: string, indexed: ReadonlySet<string>): string {
  if (!FIELD.test(field)) throw new Error(`invalid field name: ${field}`);
  return indexed.has(field) ? `"f_${field.replaceAll('.', '__')}"` : `json_extract(body, '$.${field}')`;
}

/** SQLite stores JSON booleans as 1 and 0. */
export const bindable = (value: unknown): unknown => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

/** The WHERE clause and its parameters for a query's conditions. */
export function whereClause(
  where: Query['where'],
  indexed: ReadonlySet<string>,
): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [field, condition] of Object.entries<Condition>(where ?? {})) {
    const column = columnOf(field, indexed);
    if (condition === null) parts.push(`${column} IS NULL`);
    else if (typeof condition !== 'object') {
      parts.push(`${column} = ?`);
      params.push(bindable(condition));
    } else if ('in' in condition) {
      parts.push(
        condition.in.length === 0 ? '0' : `${column} IN (${condition.in.map(() => '?').join(', ')})`,
      );
      params.push(...condition.in);
    } else {
      for (const [op, sign] of [
        ['gt', '>'],
        ['gte', '>='],
        ['lt', '<'],
        ['lte', '<='],
      ] as const) {
        if (condition[op] === undefined) continue;
        parts.push(`${column} ${sign} ?`);
        params.push(condition[op]);
      }
    }
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

/**
 * Keyset paging after the last item's (value, id). NULLs sort first ascending and last descending,
 * as SQLite orders them, and the in-memory adapter matches.
 */
export function afterClause(
  column: string | null,
  direction: 'asc' | 'desc',
  value: unknown,
  id: string,
): { sql: string; params: unknown[] } {
  const gt = direction === 'asc' ? '>' : '<';
  if (column === null) return { sql: `id ${gt} ?`, params: [id] };
  if (value === null) {
    return direction === 'asc'
      ? { sql: `((${column} IS NULL AND id > ?) OR ${column} IS NOT NULL)`, params: [id] }
      : { sql: `(${column} IS NULL AND id < ?)`, params: [id] };
  }
  const nulls = direction === 'desc' ? ` OR ${column} IS NULL` : '';
  return {
    sql: `(${column} ${gt} ? OR (${column} = ? AND id ${gt} ?)${nulls})`,
    params: [bindable(value), bindable(value), id],
  };
}
