import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reoffendingByRound, type ReleaseFacts } from './reoffendingByRound.js';

const R1 = '0192f5c4-0001-7000-8000-00000000000a';
const R2 = '0192f5c4-0001-7000-8000-00000000000b';
const file = (personId: string, over: Partial<ReleaseFacts> = {}): ReleaseFacts => ({
  personId,
  source: 'AMNESTY',
  roundId: R1,
  releaseDate: '2025-09-01',
  reoffended: false,
  ...over,
});

const someDay = fc
  .tuple(
    fc.integer({ min: 2023, max: 2027 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const someFiles = fc.array(
  fc
    .record({
      person: fc.integer({ min: 1, max: 20 }),
      roundId: fc.constantFrom(R1, R2, null),
      source: fc.constantFrom('AMNESTY', 'EXPIRY'),
      releaseDate: fc.option(someDay, { nil: null }),
      reoffended: fc.boolean(),
    })
    .map(({ person, ...over }) => file(`p${person}`, over)),
  { maxLength: 50 },
);

describe('reoffending per round', () => {
  it('counts people freed by each round, those who reoffended, and the rate', () => {
    const rounds = reoffendingByRound([
      file('p1'),
      file('p2', { reoffended: true }),
      file('p3'),
      file('p4', { roundId: R2, releaseDate: '2024-10-01', reoffended: true }),
      file('p5', { source: 'EXPIRY', roundId: null }),
    ]);
    expect(rounds).toEqual([
      { roundId: R2, released: 1, reoffended: 1, rate: 100, firstRelease: '2024-10-01' },
      { roundId: R1, released: 3, reoffended: 1, rate: 33.3, firstRelease: '2025-09-01' },
    ]);
  });

  it('counts a person moved between communes once, reoffended if either file says so', () => {
    const [round] = reoffendingByRound([file('p1'), file('p1', { reoffended: true })]);
    expect(round).toMatchObject({ released: 1, reoffended: 1, rate: 100 });
  });

  it('never counts more reoffended than released, nor a person twice in a round', () => {
    fc.assert(
      fc.property(someFiles, (files) => {
        const rounds = reoffendingByRound(files);
        for (const r of rounds) {
          const people = new Set(
            files.filter((f) => f.source === 'AMNESTY' && f.roundId === r.roundId).map((f) => f.personId),
          );
          expect(r.released).toBe(people.size);
          expect(r.reoffended).toBeLessThanOrEqual(r.released);
          expect(r.rate).toBeGreaterThanOrEqual(0);
          expect(r.rate).toBeLessThanOrEqual(100);
        }
        expect(new Set(rounds.map((r) => r.roundId)).size).toBe(rounds.length);
      }),
      { numRuns: 300 },
    );
  });
});
