import type { ContextLoader, Loaded, PersonGrant } from '../catalogue/aggregate.js';
import type { RoundState } from '../round/round.js';
import type { DossierCommand } from './commands.js';
import type { DossierState } from './dossier.js';

/** What a dossier's decider reads from the log besides the dossier: its round, the person's grants. */
export interface DossierContext {
  /** The dossier's round, for the steps whose rules rest on it; null for the others. */
  round: Loaded<RoundState> | null;
  /** The grants the log records for the person, for an eligibility assessment (LĐX 12(4)). */
  grants: readonly PersonGrant[];
}

// The steps whose rules rest on the round: its posting, parameters, exclusions, lists and grant decision.
const ON_THE_ROUND: ReadonlySet<DossierCommand['type']> = new Set([
  'SubmitPetition',
  'AssessEligibility',
  'LodgeComplaint',
  'RecordGrantOutcome',
  // A ground proving one of the round's own exclusions must name one the round lists.
  'RecordDisqualifyingEvent',
]);

/** Loads the round a step rests on (the petition names it, the dossier remembers it) and, to assess, the grants. */
export async function dossierContext(
  command: DossierCommand,
  state: DossierState,
  loader: ContextLoader<{ round: RoundState }>,
): Promise<DossierContext> {
  const roundId =
    command.type === 'SubmitPetition' ? command.data.roundId : state.status === 'none' ? null : state.roundId;
  const round =
    roundId !== null && ON_THE_ROUND.has(command.type) ? await loader.load('round', roundId) : null;
  const grants =
    command.type === 'AssessEligibility' && state.status !== 'none'
      ? await loader.grantsOf(state.person.personId)
      : [];
  return { round, grants };
}
