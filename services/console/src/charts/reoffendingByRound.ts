/** The fields of a `case-files` view document the figure reads. */
export interface ReleaseFacts {
  personId: string;
  source: string;
  roundId: string | null;
  releaseDate: string | null;
  reoffended: boolean;
}

/** One amnesty round: the people it freed whom the reader's cases hold, and how many reoffended. */
export interface RoundReoffending {
  /** null: an amnesty case whose round the file does not name. */
  roundId: string | null;
  released: number;
  reoffended: number;
  /** Per cent, one decimal; 0 when the round freed nobody here. */
  rate: number;
  /** The earliest release day among its people: rounds are shown in that order. */
  firstRelease: string | null;
}

const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null || a <= b ? a : b);

/**
 * Reoffending per amnesty round. A person moved from one commune to another has a case file in
 * each (the destination continues in its own case), so a province's reader would count them twice:
 * people are counted by `personId`, reoffended when any of their files says so.
 */
export function reoffendingByRound(cases: Iterable<ReleaseFacts>): RoundReoffending[] {
  const rounds = new Map<string | null, { people: Map<string, boolean>; first: string | null }>();
  for (const c of cases) {
    if (c.source !== 'AMNESTY') continue;
    const round = rounds.get(c.roundId) ?? { people: new Map<string, boolean>(), first: null };
    round.people.set(c.personId, (round.people.get(c.personId) ?? false) || c.reoffended);
    round.first = earlier(round.first, c.releaseDate);
    rounds.set(c.roundId, round);
  }
  return [...rounds.entries()]
    .map(([roundId, { people, first }]) => {
      const reoffended = [...people.values()].filter(Boolean).length;
      const rate = people.size === 0 ? 0 : Math.round((reoffended / people.size) * 1000) / 10;
      return { roundId, released: people.size, reoffended, rate, firstRelease: first };
    })
    .sort(
      (a, b) =>
        (a.firstRelease ?? '9999').localeCompare(b.firstRelease ?? '9999') ||
        String(a.roundId).localeCompare(String(b.roundId)),
    );
}
