import { describe, expect, it } from 'vitest';
import { fromEsdbPosition, toEsdbPosition } from './position.js';

describe('EventStoreDB positions', () => {
  it('round-trip through one bigint and keep the (commit, prepare) order', () => {
    const positions = [
      { commit: 0n, prepare: 0n },
      { commit: 1n, prepare: 0n },
      { commit: 1n, prepare: 1n },
      { commit: 2n ** 40n, prepare: 2n ** 40n - 5n },
      { commit: 2n ** 63n, prepare: 2n ** 64n - 1n },
    ];
    const encoded = positions.map(fromEsdbPosition);
    expect(encoded.map(toEsdbPosition)).toEqual(positions);
    for (let i = 1; i < encoded.length; i++) expect(encoded[i]! > encoded[i - 1]!).toBe(true);
  });
});
