import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditTestVectors } from './testVectors.js';
import { leafHash, verifyConsistency, verifyInclusion } from './merkle.js';

const doc = readFileSync(new URL('../../../docs/audit-format.md', import.meta.url), 'utf8');

describe('docs/audit-format.md', () => {
  it('holds the test vectors the code computes', () => {
    const block = /<!-- vectors -->\n+```text\n([\s\S]*?)\n```\n+<!-- \/vectors -->/.exec(doc)?.[1];
    expect(block).toBe(auditTestVectors());
  });

  it('has proofs that verify with nothing but the numbers printed in it', () => {
    const hexes = (heading: string) =>
      doc
        .split(heading)[1]
        ?.split('\n')
        .slice(1)
        .filter((l) => /^ {2}[0-9a-f]{64}$/.test(l))
        .map((l) => Buffer.from(l.trim(), 'hex')) ?? [];
    const root = (n: number) =>
      Buffer.from(
        new RegExp(`^  ${n}: ([0-9a-f]{64})$`, 'm').exec(doc.split('roots by tree size:')[1] ?? '')?.[1] ??
          '',
        'hex',
      );
    const event2 = /^ {2}2: ([0-9a-f]{64})$/m.exec(doc)?.[1] ?? '';
    const inclusion = hexes('inclusion proof of leaf 2 in the tree of 7 (leaf to root):').slice(0, 3);
    expect(verifyInclusion(2, 7, leafHash(Buffer.from(event2, 'hex')), inclusion, root(7))).toBe(true);
    const consistency = hexes('consistency proof from size 3 to size 7:').slice(0, 4);
    expect(verifyConsistency(3, 7, root(3), root(7), consistency)).toBe(true);
  });
});
