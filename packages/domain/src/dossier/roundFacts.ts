import type { ListState, RoundState } from '../round/round.js';
import type { RoundParameters } from '../round/parameters.js';
import { ensure, refuse } from '../shared/rules.js';
import type { DossierContext } from './context.js';
import { DOSSIER_RULES as R } from './dossierRules.js';

/** The dossier's round as the log has it, refused unless the President has decided it. */
export function decidedRound(context: DossierContext): { round: RoundState; parameters: RoundParameters } {
  const round = context.round?.state;
  if (!round?.decided) return refuse(R.roundNotDecided, context.round?.stream);
  const { parameters } = round.decided;
  if (parameters === null) return refuse(R.roundParametersMissing, context.round?.stream);
  return { round, parameters };
}

/** When the round decision was posted at the facility, refused if it never was. */
export function postedAt(round: RoundState, facilityId: string): string {
  const postedOn = round.postedAt[facilityId];
  if (postedOn === undefined) return refuse(R.notPosted, facilityId);
  return postedOn;
}

/**
 * The list a complaint about being left off is against (LĐX 36): the facility's ineligible list
 * naming the dossier, else the latest eligible list it posted without it.
 */
export function listComplainedOf(round: RoundState, facilityId: string, dossierId: string): ListState {
  const posted = Object.values(round.lists)
    .filter((list) => list.facilityId === facilityId)
    .sort((a, b) => b.postedOn.localeCompare(a.postedOn));
  const list =
    posted.find((l) => l.kind === 'INELIGIBLE' && l.dossierIds.includes(dossierId)) ??
    posted.find((l) => l.kind === 'ELIGIBLE' && !l.dossierIds.includes(dossierId));
  if (!list) return refuse(R.listNotPosted, facilityId);
  return list;
}

/** Whether the President's grant decision names the dossier, refused before there is one. */
export function namedInGrantDecision(round: RoundState, dossierId: string): boolean {
  ensure(round.granted !== null, R.noGrantDecision);
  return round.granted.includes(dossierId);
}
