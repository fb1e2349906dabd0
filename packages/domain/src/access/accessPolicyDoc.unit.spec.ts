import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderAccessPolicy } from './renderAccessPolicy.js';

describe('docs/access-policy.md', () => {
  it('is what the access policy generates (run `npx pnpm access-doc` after changing it)', () => {
    const committed = readFileSync(new URL('../../../../docs/access-policy.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderAccessPolicy());
  });
});
