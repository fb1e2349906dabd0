/** An entry of `GET /rounds/:id/history` (the fields read here). */
export interface RoundHistoryEntry {
  type: string;
  data: unknown;
  voided?: true;
}

/** A list posted at a facility (ProposalListPosted), with the procuracy's notice if one was sent. */
export interface PostedList {
  listId: string;
  facilityId: string;
  kind: 'ELIGIBLE' | 'INELIGIBLE';
  dossiers: number;
  postedOn: string;
  /** The last day complaints about it may be lodged, inclusive (LĐX 36(3)). */
  complaintsCloseOn: string;
  /** ProcuracyNotifiedOfList: to whom and on what day, null until sent (LĐX 15(5)). */
  procuracy: { unit: string; sentOn: string } | null;
}

/** What the round's history says about the round itself (AmnestyRoundDecided), when the caller sees it. */
export interface RoundTitle {
  decision: string | null;
  amnestyDate: string | null;
}

type Data = Record<string, unknown>;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The posted lists of a round, folded from its history in order as the round aggregate folds them:
 * a later posting of a list replaces it, a notice to the procuracy marks it. Voided entries are skipped.
 */
export function postedListsOf(events: readonly RoundHistoryEntry[]): PostedList[] {
  const lists = new Map<string, PostedList>();
  for (const event of events) {
    if (event.voided) continue;
    const d = (event.data ?? {}) as Data;
    if (event.type === 'ProposalListPosted') {
      lists.set(str(d.listId), {
        listId: str(d.listId),
        facilityId: str(d.facilityId),
        kind: d.kind === 'INELIGIBLE' ? 'INELIGIBLE' : 'ELIGIBLE',
        dossiers: Array.isArray(d.dossierIds) ? d.dossierIds.length : 0,
        postedOn: str(d.postedOn),
        complaintsCloseOn: str(d.complaintsCloseOn),
        procuracy: null,
      });
    } else if (event.type === 'ProcuracyNotifiedOfList') {
      const list = lists.get(str(d.listId));
      if (list) list.procuracy = { unit: str(d.procuracyUnit), sentOn: str(d.sentOn) };
    }
  }
  return [...lists.values()].sort(
    (a, b) => a.postedOn.localeCompare(b.postedOn) || a.facilityId.localeCompare(b.facilityId),
  );
}

/** The round's decision number and amnesty date, from its AmnestyRoundDecided. */
export function roundTitleOf(events: readonly RoundHistoryEntry[]): RoundTitle {
  const decided = events.find((e) => e.type === 'AmnestyRoundDecided' && !e.voided);
  const d = (decided?.data ?? {}) as Data;
  const decision = (d.decision ?? {}) as Data;
  return { decision: str(decision.number) || null, amnestyDate: str(d.amnestyDate) || null };
}

/** Whether complaints about a list may be lodged on `today` (YYYY-MM-DD): its window, both ends included. */
export function windowOn(list: PostedList, today: string): 'open' | 'closed' | 'not-yet' {
  if (today < list.postedOn) return 'not-yet';
  return today <= list.complaintsCloseOn ? 'open' : 'closed';
}
