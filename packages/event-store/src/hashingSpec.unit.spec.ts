import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalEnvelope } from './envelope.js';
import { GENESIS_HASH, chainHash } from './hash.js';
import type { HashedEnvelope } from './types.js';

// The vectors are read from the published specification, so the document and the code cannot drift.
const spec = readFileSync(new URL('../../../docs/event-hashing.md', import.meta.url), 'utf8');
const vectors = [...spec.matchAll(/```text\n(.+)\n```\n\nhash `([0-9a-f]{64})`/g)].map(([, json, hash]) => ({
  text: json ?? '',
  hash: hash ?? '',
}));

describe('docs/event-hashing.md', () => {
  it('publishes two chained test vectors', () => {
    expect(vectors).toHaveLength(2);
  });

  it('gives canonical texts that are the JCS form of their own envelopes', () => {
    for (const { text } of vectors) expect(canonicalEnvelope(JSON.parse(text) as HashedEnvelope)).toBe(text);
  });

  it('gives hashes that chain from the genesis hash', () => {
    let prev = GENESIS_HASH;
    for (const { text, hash } of vectors) {
      expect(chainHash(prev, text)).toBe(hash);
      prev = hash;
    }
  });
});
