import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRORS, renderErrorsDoc } from './errorRegistry.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
/** Codes that belong to a library we call, mapped to ours before any reply (jose's expiry). */
// jose's codes, read by auth.ts to choose its own.
const THIRD_PARTY = new Set(['ERR_JWT_EXPIRED', 'ERR_JWT_CLAIM_VALIDATION_FAILED']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.includes('.spec.') && name !== 'errorRegistry.ts' ? [path] : [];
  });
}
const files = ['packages', 'services'].flatMap((top) =>
  readdirSync(join(ROOT, top)).flatMap((pkg) => {
    const src = join(ROOT, top, pkg, 'src');
    try {
      return sources(src);
    } catch {
      return [];
    }
  }),
);
const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');

describe('the error registry', () => {
  it('lists every error code the sources raise, once, and nothing they never raise', () => {
    const raised = new Set([...text.matchAll(/'(ERR_[A-Z0-9_]+)'/g)].map((m) => m[1] as string));
    const unlisted = [...raised].filter((c) => !(c in ERRORS) && !THIRD_PARTY.has(c));
    expect(unlisted).toEqual([]);
    expect(Object.keys(ERRORS).filter((c) => !raised.has(c))).toEqual([]);
  });

  it('gives each HttpProblem the status its code has in the registry', () => {
    const thrown = [...text.matchAll(/HttpProblem\(\s*(\d{3}),\s*'(ERR_[A-Z0-9_]+)'/g)];
    expect(thrown.length).toBeGreaterThan(10);
    const wrong = thrown
      .filter(([, status, code]) => ERRORS[code as keyof typeof ERRORS]?.status !== Number(status))
      .map(([, status, code]) => `${code} thrown as ${status}`);
    expect(wrong).toEqual([]);
  });

  it('is what docs/errors.md says (regenerate: npx tsx services/api/src/writeErrorsDoc.ts)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'errors.md'), 'utf8')).toBe(renderErrorsDoc());
  });
});
