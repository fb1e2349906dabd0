import type { Filter } from 'mongodb';
import type { Condition, Query } from '@dacxa/read-models';

/** A stored view document: the body under `doc`, the position twice (as given, and zero-padded to sort). */
export interface MongoDoc {
  _id: string;
  position: string;
  positionKey: string;
  doc: Record<string, unknown>;
}

/** Positions are bigints up to 2^128 (EventStoreDB's commit and prepare): 40 digits sort as numbers. */
export const positionKey = (position: string): string => position.padStart(40, '0');

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
export function docField(field: string): string {
  if (!FIELD.test(field)) throw new Error(`invalid field name: ${field}`);
  return `doc.${field}`;
}

/** The filter for a query's conditions. */
export function toFilter(where: Query['where']): Filter<MongoDoc> {
  const filter: Record<string, unknown> = {};
  for (const [field, condition] of Object.entries<Condition>(where ?? {})) {
    const key = docField(field);
    if (condition === null || typeof condition !== 'object') filter[key] = condition;
    else if ('in' in condition) filter[key] = { $in: [...condition.in] };
    else {
      const range: Record<string, unknown> = {};
      if (condition.gt !== undefined) range.$gt = condition.gt;
      if (condition.gte !== undefined) range.$gte = condition.gte;
      if (condition.lt !== undefined) range.$lt = condition.lt;
      if (condition.lte !== undefined) range.$lte = condition.lte;
      filter[key] = range;
    }
  }
  return filter;
}

/** Keyset paging after (value, id); null and missing sort first ascending, last descending. */
export function afterFilter(
  field: string | null,
  direction: 'asc' | 'desc',
  value: unknown,
  id: string,
): Filter<MongoDoc> {
  const op = direction === 'asc' ? '$gt' : '$lt';
  if (field === null) return { _id: { [op]: id } };
  const key = docField(field);
  if (value === null) {
    return direction === 'asc'
      ? { $or: [{ [key]: null, _id: { $gt: id } }, { [key]: { $ne: null } }] }
      : { [key]: null, _id: { $lt: id } };
  }
  const or: Record<string, unknown>[] = [{ [key]: { [op]: value } }, { [key]: value, _id: { [op]: id } }];
  if (direction === 'desc') or.push({ [key]: null });
  return { $or: or };
}
