import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GROUPS, caseloadByCommune } from './caseloadByCommune.js';

const STATUSES = ['expected', 'received', 'supervised', 'transferredOut', 'closed'];

const someCases = fc.array(
  fc.record({
    communeCode: fc.constantFrom('xa-a', 'xa-b', 'phuong-c'),
    status: fc.constantFrom(...STATUSES),
    group: fc.constantFrom('A', 'B', 'C', 'D', null),
  }),
  { maxLength: 80 },
);

describe('caseload and groups by commune', () => {
  it('stacks each commune’s open cases by group, leaving closed and transferred cases out', () => {
    expect(
      caseloadByCommune([
        { communeCode: 'xa-b', status: 'supervised', group: 'A' },
        { communeCode: 'xa-a', status: 'received', group: null },
        { communeCode: 'xa-a', status: 'supervised', group: 'D' },
        { communeCode: 'xa-a', status: 'closed', group: 'B' },
        { communeCode: 'xa-b', status: 'transferredOut', group: 'C' },
      ]),
    ).toEqual([
      { communeCode: 'xa-a', counts: { A: 0, B: 0, C: 0, D: 1, none: 1 }, total: 2 },
      { communeCode: 'xa-b', counts: { A: 1, B: 0, C: 0, D: 0, none: 0 }, total: 1 },
    ]);
  });

  it('sums each commune’s groups to its total, and the totals to the open cases', () => {
    fc.assert(
      fc.property(someCases, (cases) => {
        const rows = caseloadByCommune(cases);
        for (const row of rows) expect(GROUPS.reduce((n, g) => n + row.counts[g], 0)).toBe(row.total);
        const open = cases.filter((c) => c.status !== 'closed' && c.status !== 'transferredOut').length;
        expect(rows.reduce((n, r) => n + r.total, 0)).toBe(open);
        expect(rows.map((r) => r.communeCode)).toEqual(rows.map((r) => r.communeCode).sort());
      }),
      { numRuns: 300 },
    );
  });
});
