import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson.js';

// Values chosen where serialisers disagree: key order across scripts and integer-like keys, number
// forms (exponents, -0, subnormals, 2^53), escapes and line separators, nesting.
const tricky: unknown[] = [
  { '€': 1, é: [1e21, 1e-7, -0, 0.1 + 0.2, 5e-324, 2 ** 53, -1.5e300], '\u0000a': '\u001f\u2028"\\/' },
  { Z: { b: null, a: true, '10': 1, '2': 2, '\ud83d\ude00': 'x', '\ufb33': 1, '\u00e9': 0 }, a: [], b: {} },
  ['Nguyễn Thị Hồng Nhung'.normalize('NFD'), 'Đặc xá 2025', [[[{ z: [{}] }]]]],
  'chuỗi đơn',
  42,
  null,
];

function randomValue(depth: number, next: () => number): unknown {
  const pick = Math.floor(next() * (depth > 3 ? 4 : 6));
  const text = (): string =>
    String.fromCodePoint(
      ...Array.from({ length: 1 + Math.floor(next() * 6) }, () => 32 + Math.floor(next() * 0x2fff)),
    );
  switch (pick) {
    case 0:
      return text();
    case 1:
      return (next() - 0.5) * 10 ** Math.floor(next() * 40 - 20);
    case 2:
      return next() < 0.5;
    case 3:
      return null;
    case 4:
      return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(depth + 1, next));
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(next() * 5) }, () => [text(), randomValue(depth + 1, next)]),
      );
  }
}

describe('canonicalJson', () => {
  it.each(tricky.map((value) => [JSON.stringify(value).slice(0, 40), value]))(
    'is byte-equal to the RFC 8785 reference implementation for %s',
    (_, value) => {
      expect(canonicalJson(value)).toBe(canonicalize(value));
    },
  );

  it('is byte-equal to the reference on 2,000 random JSON values', () => {
    let seed = 20251122;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const value = randomValue(0, next);
      expect(canonicalJson(value)).toBe(canonicalize(value));
    }
  });
});
