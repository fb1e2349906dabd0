import type { DossierDoc } from '@dacxa/read-models';
import type { DossierFacts } from './roundSummaryRows.js';

/** A document's number and date. */
export type Ref = { number: string; date: string };

/** What the report reads of a round's stream: its decisions, and the dossiers its lists named. */
export interface RoundFacts {
  roundId: string;
  province: string;
  decision: Ref;
  occasion: string;
  amnestyDate: string;
  grantDecision: Ref | null;
  appraised: Set<string>;
  proposed: Set<string>;
}

/** Adds one event of a round's stream to what the report reads of it. */
export function foldRound(
  rounds: Map<string, RoundFacts>,
  id: string,
  type: string,
  d: Record<string, unknown>,
) {
  if (type === 'AmnestyRoundDecided') {
    const { province, decision, occasion, amnestyDate } = d as unknown as RoundFacts;
    rounds.set(id, {
      roundId: id,
      province,
      decision,
      occasion,
      amnestyDate,
      grantDecision: null,
      appraised: new Set(),
      proposed: new Set(),
    });
  }
  const round = rounds.get(id);
  if (!round) return;
  const ids = (key: string) => (d[key] as string[] | undefined) ?? [];
  if (type === 'AmnestyGrantDecisionIssued') round.grantDecision = d.decision as Ref;
  if (type === 'AppraisalMinutesIssued')
    for (const x of [...ids('eligible'), ...ids('ineligible')]) round.appraised.add(x);
  if (type === 'FinalListsSentToCouncilStanding') for (const x of ids('eligible')) round.proposed.add(x);
}

/** A dossier's facts as its petition opens it. */
export const freshDossier = (doc: DossierDoc): DossierFacts => ({
  doc,
  eligible: null,
  granted: false,
  released: false,
  noticeCommune: null,
  protest: false,
  otherDisqualified: false,
  complaints: { lodged: 0, resolved: 0, resolvedLate: 0, appeals: 0 },
  openDue: null,
});
