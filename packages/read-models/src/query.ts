import type { Condition, Doc, Query, StoredDoc } from './types.js';

/** Reads a dotted field from a document. */
export function fieldOf(doc: Doc, field: string): unknown {
  let value: unknown = doc;
  for (const part of field.split('.')) value = (value as Record<string, unknown> | null | undefined)?.[part];
  return value;
}

/** Whether a value satisfies a condition (equality, set, or range). */
export function matches(value: unknown, condition: Condition): boolean {
  if (condition === null || typeof condition !== 'object') return value === condition;
  if ('in' in condition) return condition.in.includes(value as string | number);
  const v = value as string | number;
  if (value === undefined || value === null) return false;
  return (
    (condition.gt === undefined || v > condition.gt) &&
    (condition.gte === undefined || v >= condition.gte) &&
    (condition.lt === undefined || v < condition.lt) &&
    (condition.lte === undefined || v <= condition.lte)
  );
}

/** The position in a sort a cursor encodes: the last item's sort value and id. */
export interface CursorMark {
  value: unknown;
  id: string;
}

export function encodeCursor(mark: CursorMark): string {
  return Buffer.from(JSON.stringify([mark.value, mark.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorMark {
  const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, string];
  return { value, id };
}

/** Sort key comparison: null and absent first ascending, then by id for a stable order. */
export function compare(a: StoredDoc, b: StoredDoc, query: Query): number {
  const field = query.orderBy?.field;
  const direction = query.orderBy?.direction === 'desc' ? -1 : 1;
  if (field) {
    const x = fieldOf(a.doc, field) ?? null;
    const y = fieldOf(b.doc, field) ?? null;
    if (x !== y) return (x === null ? -1 : y === null ? 1 : x < y ? -1 : 1) * direction;
  }
  return (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * direction;
}
