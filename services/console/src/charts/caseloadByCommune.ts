/** The fields of a `case-files` view document the figure reads. */
export interface CaseloadFacts {
  communeCode: string;
  status: string;
  group: string | null;
}

/** The groups of DOMAIN.md §4.4, and the cases not yet classified. */
export const GROUPS = ['A', 'B', 'C', 'D', 'none'] as const;
export type GroupKey = (typeof GROUPS)[number];

export interface CommuneCaseload {
  communeCode: string;
  counts: Record<GroupKey, number>;
  total: number;
}

// A closed case, or one moved to another commune, is no longer this commune's caseload.
const OFF_CASELOAD = new Set(['closed', 'transferredOut']);
const groupOf = (g: string | null): GroupKey =>
  g === 'A' || g === 'B' || g === 'C' || g === 'D' ? g : 'none';

/** The caseload of each commune, by group: the cases it still manages, communes by code. */
export function caseloadByCommune(cases: Iterable<CaseloadFacts>): CommuneCaseload[] {
  const communes = new Map<string, CommuneCaseload>();
  for (const c of cases) {
    if (OFF_CASELOAD.has(c.status)) continue;
    const row = communes.get(c.communeCode) ?? {
      communeCode: c.communeCode,
      counts: { A: 0, B: 0, C: 0, D: 0, none: 0 },
      total: 0,
    };
    row.counts[groupOf(c.group)] += 1;
    row.total += 1;
    communes.set(c.communeCode, row);
  }
  return [...communes.values()].sort((a, b) => (a.communeCode < b.communeCode ? -1 : 1));
}
