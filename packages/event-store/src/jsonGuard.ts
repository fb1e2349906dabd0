import { InvalidEventError } from './errors.js';

/** Deeper than this is refused: no event needs it, and it bounds the fast check without a cycle set. */
const MAX_DEPTH = 64;

/**
 * Refuses what JSON would silently change or drop, so that what is read back equals what was given:
 * BigInt, functions, symbols, undefined inside arrays, NaN and Infinity, lone surrogates, cycles,
 * and objects that are not plain (Date, Map, class instances). Undefined object properties are
 * dropped, as JSON does. The fast check runs on every append; only a failure pays for the walk
 * that names the path.
 */
export function assertJsonValue(value: unknown, index: number, path: string): void {
  if (isPlainJson(value, 0)) return;
  explain(value, index, path, new Set());
  throw new InvalidEventError(index, path, `nested deeper than ${MAX_DEPTH} levels`);
}

function isPlainJson(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
      return value.isWellFormed();
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (depth >= MAX_DEPTH) return false;
      if (Array.isArray(value)) {
        for (const item of value as unknown[])
          if (item === undefined || !isPlainJson(item, depth + 1)) return false;
        return true;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const child = record[key];
        if (child !== undefined && !(key.isWellFormed() && isPlainJson(child, depth + 1))) return false;
      }
      return true;
    }
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      return false;
  }
}

/** The slow walk: throws an InvalidEventError naming the first offending path. */
function explain(value: unknown, index: number, path: string, ancestors: Set<object>): void {
  const fail = (reason: string): never => {
    throw new InvalidEventError(index, path, reason);
  };
  switch (typeof value) {
    case 'string':
      if (!value.isWellFormed()) fail('a lone UTF-16 surrogate is not valid Unicode text');
      return;
    case 'number':
      if (!Number.isFinite(value)) fail(`${value} is not a JSON number`);
      return;
    case 'object':
      if (value === null) return;
      if (ancestors.has(value)) fail('circular reference');
      ancestors.add(value);
      if (Array.isArray(value)) {
        (value as unknown[]).forEach((item, i) => explain(item, index, `${path}[${i}]`, ancestors));
      } else {
        const proto: unknown = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) {
          fail('only plain objects are JSON values (use an ISO string for dates)');
        }
        for (const [key, child] of Object.entries(value)) {
          if (!key.isWellFormed()) fail('a key with a lone UTF-16 surrogate');
          if (child !== undefined) explain(child, index, `${path}.${key}`, ancestors);
        }
      }
      ancestors.delete(value);
      return;
    case 'undefined':
      return fail('undefined is not a JSON value');
    case 'bigint':
    case 'function':
    case 'symbol':
      return fail(`a ${typeof value} is not a JSON value`);
    case 'boolean':
      return;
  }
}
