import { describe, expect, it } from 'vitest';
import { testSealer } from './testing.js';

describe('the erasure count', () => {
  it('moves with each erasure made through this process, so caches of opened data let it go', async () => {
    const { keys, sealer } = testSealer();
    await keys.keyFor('p-1');
    expect(sealer.erasures()).toBe(0);
    await keys.erase('p-1', '2026-12-01T00:00:00Z');
    expect([keys.erasures(), sealer.erasures()]).toEqual([1, 1]);
  });
});
