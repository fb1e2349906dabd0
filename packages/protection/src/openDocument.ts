import type { DataKeys, KeyLookup } from './dataKeys.js';
import { ERASED, REDACTED, mayRead, type Access } from './policy.js';
import { isSealed, openValue } from './sealValue.js';

/**
 * A view document as this reader may see it: every sealed value it carries (copied from events by a
 * projection) opened, redacted or marked erased, by the category the value carries.
 */
export async function openDocument<D>(document: D, keys: DataKeys, access: Access): Promise<D> {
  const found = new Map<string, KeyLookup>();
  async function walk(value: unknown): Promise<unknown> {
    if (isSealed(value)) {
      if (!mayRead(access, value.c)) return REDACTED;
      if (!found.has(value.p)) found.set(value.p, await keys.lookup(value.p));
      const key = found.get(value.p);
      return key?.kind === 'key' ? openValue(value, key.key) : ERASED;
    }
    if (Array.isArray(value)) return Promise.all(value.map(walk));
    if (typeof value === 'object' && value !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = await walk(v);
      return out;
    }
    return value;
  }
  return (await walk(document)) as D;
}
