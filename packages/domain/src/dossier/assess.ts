import type { DossierCommand } from './commands.js';
import type { DossierContext } from './context.js';
import type { DossierState } from './dossier.js';
import { assessEligibility, reducedApplies, requiredDays, servedDays } from './eligibility.js';
import type { DossierEvent } from './events.js';
import { agedUnder, reducedEvidence } from './reducedEvidence.js';
import { decidedRound } from './roundFacts.js';

type Open = Extract<DossierState, { status: 'open' | 'granted' | 'not-granted' }>;
type Assessment = Extract<DossierCommand, { type: 'AssessEligibility' }>['data'];

/** Previously pardoned (LĐX 12(4)): a grant of another dossier by then, or one recorded as disqualifying. */
function previouslyPardoned(dossier: Open, context: DossierContext, on: string): boolean {
  const earlier = context.grants.some((g) => g.dossierId !== dossier.dossierId && g.grantedOn <= on);
  return earlier || dossier.grounds.includes('PREVIOUSLY_PARDONED');
}

const holds = (dossier: Open, docType: string, on: string) =>
  dossier.documents.some((d) => d.docType === docType && d.date <= on);

/**
 * The assessment of a dossier against its round's parameters, from what the log records: the
 * sentence and papers, the conduct ratings, the enforcement office's confirmation, the commune's
 * comment, grounds recorded and earlier grants. The assessor adds only the security judgement and
 * whether a prosecution is pending.
 */
export function assess(data: Assessment, dossier: Open, context: DossierContext): DossierEvent {
  const round = decidedRound(context).parameters;
  const { assessedOn, securityConcern, newProsecution } = data;
  const { sentence, reducedCategory, person } = dossier;
  const personFacts = {
    birthDate: person.birthDate,
    cutoff: round.servedTimeCutoff,
    ...(sentence.offenceCommittedOn ? { offenceCommittedOn: sentence.offenceCommittedOn } : {}),
  };
  const evidence =
    reducedCategory === null
      ? null
      : reducedEvidence(reducedCategory, dossier.documents, assessedOn, personFacts);
  // LĐX 11(4): under 18 at the cut-off, shown by the birth certificate (NĐ52 5(3)(d)).
  const minorNow =
    holds(dossier, 'BIRTH_CERT', assessedOn) && agedUnder(person.birthDate, 18, round.servedTimeCutoff);
  const result = assessEligibility(
    {
      kind: dossier.kind,
      sentence,
      ratings: dossier.ratings,
      assessedOn,
      reducedCategory,
      reducedEvidence: evidence,
      minorNow,
      lawAbidingWhileSuspended: dossier.lawAbidingWhileSuspended,
      suspensionDecisionHeld: holds(dossier, 'SUSPENSION_DECISION', assessedOn),
      finesAndFeesPaid: dossier.finesAndFeesPaid,
      civilObligation: dossier.civilObligation,
      civil: dossier.civil,
      creditorConsentHeld: holds(dossier, 'CREDITOR_CONSENT', assessedOn),
      securityConcern,
      aggravatingProtest: dossier.aggravatingProtest,
      newProsecution,
      previouslyPardoned: previouslyPardoned(dossier, context, assessedOn),
      priorConvictions: dossier.priorConvictions,
      provenExclusions: dossier.provenExclusions,
    },
    round,
  );
  const served = servedDays(sentence, round.servedTimeCutoff);
  const required = requiredDays(
    sentence,
    reducedApplies({ reducedCategory, reducedEvidence: evidence, minorNow }),
    round,
  );
  return {
    type: 'EligibilityAssessed',
    data: {
      assessedOn,
      ...result,
      servedDays: served,
      requiredDays: required,
      ...(round.unverified?.length ? { unverifiedParameters: round.unverified } : {}),
    },
  };
}
