import { useEffect, useState } from 'preact/hooks';
import { getJson } from './api.js';

// Unit names hardly change within a session: asked once per code, kept for the page's life.
const known = new Map<string, Promise<string>>();

function nameOf(code: string): Promise<string> {
  let name = known.get(code);
  if (!name) {
    name = getJson<{ name: string | null }>(`/org-units/units/${encodeURIComponent(code)}`).then(
      (unit) => unit.name ?? code,
      // A unit the tree no longer names today (merged away) is shown by its code.
      () => code,
    );
    known.set(code, name);
  }
  return name;
}

/**
 * The names of units by code (`GET /org-units/units/:code`), the code itself until the name
 * arrives. One request per code the reader's scope holds: a province's communes, a few hundred.
 */
export function useUnitNames(codes: readonly string[]): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = [...codes].sort().join('|');
  useEffect(() => {
    let current = true;
    void Promise.all(codes.map(async (code) => [code, await nameOf(code)] as const)).then((pairs) => {
      if (current) setNames(Object.fromEntries(pairs));
    });
    return () => {
      current = false;
    };
  }, [key]);
  return names;
}
