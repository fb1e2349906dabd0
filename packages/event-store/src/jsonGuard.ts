import { InvalidEventError } from './errors.js';

/**
 * Refuses what JSON would silently change or drop, so that what is read back equals what was given:
 * BigInt, functions, symbols, undefined inside arrays, NaN and Infinity, cycles, and objects that
 * are not plain (Date, Map, class instances). Undefined object properties are dropped, as JSON does.
 */
export function assertJsonValue(value: unknown, index: number, path: string): void {
  walk(value, index, path, new Set());
}

function walk(value: unknown, index: number, path: string, ancestors: Set<object>): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new InvalidEventError(index, path, `${value} is not a JSON number`);
      return;
    case 'object':
      if (value === null) return;
      if (ancestors.has(value)) throw new InvalidEventError(index, path, 'circular reference');
      ancestors.add(value);
      if (Array.isArray(value)) walkArray(value, index, path, ancestors);
      else walkObject(value, index, path, ancestors);
      ancestors.delete(value);
      return;
    case 'undefined':
      throw new InvalidEventError(index, path, 'undefined is not a JSON value');
    case 'bigint':
    case 'function':
    case 'symbol':
      throw new InvalidEventError(index, path, `a ${typeof value} is not a JSON value`);
  }
}

function walkArray(array: readonly unknown[], index: number, path: string, ancestors: Set<object>): void {
  for (let i = 0; i < array.length; i++) walk(array[i], index, `${path}[${i}]`, ancestors);
}

function walkObject(object: object, index: number, path: string, ancestors: Set<object>): void {
  const proto: unknown = Object.getPrototypeOf(object);
  if (proto !== Object.prototype && proto !== null) {
    throw new InvalidEventError(
      index,
      path,
      'only plain objects are JSON values (use an ISO string for dates)',
    );
  }
  for (const [key, child] of Object.entries(object)) {
    if (child === undefined) continue;
    walk(child, index, `${path}.${key}`, ancestors);
  }
}
