import type { PersonDetails } from '../shared/personal.js';
import type { DossierEvent } from './events.js';
import type { HeldDocument } from './reducedEvidence.js';
import type { ConductRating, DossierKind, ReducedCategory, Sentence } from './values.js';

/** A conduct rating the facility recorded: a classified quarter, or the rating since the round's window. */
export interface HeldRating {
  period: 'QUARTER' | 'SINCE_WINDOW';
  quarter: string | null;
  rating: ConductRating;
  ratedOn: string;
}

/** What the civil-judgment enforcement office confirmed beyond the status (NĐ52 5(3)(g), 5(5)). */
export interface CivilConfirmation {
  notYetEnforceableDecision: boolean;
  nonStateAssets: boolean;
}

interface Complaint {
  id: string;
  resolveBy: string;
  outcome: 'ACCEPTED' | 'REJECTED' | null;
  resolvedOn: string | null;
  appealResolveBy: string | null;
  /** Whom the appeal went to (LĐX 37(2)): who alone decides it. */
  appealedTo: string | null;
}

/** A prisoner's proposal dossier (DOMAIN.md §2b). */
export type DossierState =
  | { status: 'none' }
  | {
      status: 'open' | 'granted' | 'not-granted';
      dossierId: string;
      roundId: string;
      /** The facility holding the person: the dossier's holder, inside its province in the unit tree. */
      facilityId: string;
      person: PersonDetails;
      kind: DossierKind;
      sentence: Sentence;
      priorConvictions: number;
      /** The conduct ratings the facility recorded (NĐ52 4(1)): what the conduct check reads. */
      ratings: readonly HeldRating[];
      civil: CivilConfirmation | null;
      /** The commune's comment on a suspended person (LĐX 11(2)(d), 14(5)); null until recorded. */
      lawAbidingWhileSuspended: boolean | null;
      /** Round exclusions a recorded paper proves (ROUND_SPECIFIC grounds naming them). */
      provenExclusions: readonly string[];
      reducedCategory: ReducedCategory | null;
      /** Papers attached (and the commune's confirmations, as `COMMUNE:<kind>`): what proves a category. */
      documents: readonly HeldDocument[];
      finesAndFeesPaid: boolean | null;
      civilObligation: string | null;
      eligible: boolean | null;
      aggravatingProtest: boolean;
      /** The latest ground standing (null when none): what a refusal names. */
      disqualified: string | null;
      /** Every ground recorded and not lifted: lifting one leaves the others standing. */
      grounds: readonly string[];
      complaint: Complaint | null;
    };
export const initialDossierState: DossierState = { status: 'none' };

export function evolveDossier(state: DossierState, event: DossierEvent): DossierState {
  if (event.type === 'AmnestyPetitionSubmitted') {
    const d = event.data;
    return {
      status: 'open',
      dossierId: d.dossierId,
      roundId: d.roundId,
      facilityId: d.facilityId,
      person: d.person,
      kind: d.dossierKind ?? 'PRISONER',
      sentence: d.sentence,
      priorConvictions: d.priorConvictions,
      ratings: [],
      civil: null,
      lawAbidingWhileSuspended: null,
      provenExclusions: [],
      reducedCategory: d.reducedCategory ?? null,
      documents: [],
      finesAndFeesPaid: null,
      civilObligation: null,
      eligible: null,
      aggravatingProtest: false,
      disqualified: null,
      grounds: [],
      complaint: null,
    };
  }
  if (state.status === 'none') return state;
  const complaint = state.complaint;
  switch (event.type) {
    case 'CivilObligationStatusConfirmed':
      return {
        ...state,
        civilObligation: event.data.status,
        finesAndFeesPaid: event.data.finesAndFeesPaid,
        civil: {
          notYetEnforceableDecision: event.data.notYetEnforceableDecision !== undefined,
          nonStateAssets: event.data.nonStateAssets ?? false,
        },
      };
    case 'ConductRatingRecorded': {
      const { period, quarter, rating, ratedOn } = event.data;
      return { ...state, ratings: [...state.ratings, { period, quarter: quarter ?? null, rating, ratedOn }] };
    }
    case 'EligibilityAssessed':
      return { ...state, eligible: event.data.eligible };
    case 'ComplaintLodged':
      return {
        ...state,
        complaint: {
          id: event.data.complaintId,
          resolveBy: event.data.resolveBy,
          outcome: null,
          resolvedOn: null,
          appealResolveBy: null,
          appealedTo: null,
        },
      };
    case 'ComplaintResolved':
      return {
        ...state,
        eligible: event.data.outcome === 'ACCEPTED' ? true : state.eligible,
        complaint: complaint && {
          ...complaint,
          outcome: event.data.outcome,
          resolvedOn: event.data.resolvedOn,
        },
      };
    case 'ComplaintAppealed':
      return {
        ...state,
        complaint: complaint && {
          ...complaint,
          appealResolveBy: event.data.resolveBy,
          appealedTo: event.data.to,
        },
      };
    case 'ComplaintAppealResolved':
      return {
        ...state,
        eligible: event.data.outcome === 'ADDED_TO_ELIGIBLE',
        complaint: complaint && { ...complaint, appealResolveBy: null },
      };
    case 'DisqualifyingEventRecorded':
      return {
        ...state,
        disqualified: event.data.reason,
        grounds: [...state.grounds, event.data.reason],
        provenExclusions: event.data.roundExclusion
          ? [...state.provenExclusions, event.data.roundExclusion]
          : state.provenExclusions,
        aggravatingProtest:
          state.aggravatingProtest || event.data.reason === 'AGGRAVATING_CASSATION_OR_REOPENING_PROTEST',
      };
    case 'DisqualificationLifted': {
      const grounds = state.grounds.filter((g) => g !== event.data.reason);
      return {
        ...state,
        grounds,
        disqualified: grounds.at(-1) ?? null,
        aggravatingProtest:
          event.data.reason === 'AGGRAVATING_CASSATION_OR_REOPENING_PROTEST'
            ? false
            : state.aggravatingProtest,
      };
    }
    case 'DossierGrantOutcomeRecorded':
      return { ...state, status: event.data.outcome === 'GRANTED' ? 'granted' : 'not-granted' };
    case 'DossierDocumentAttached': {
      const { docType, document, validUntil, medical, merit } = event.data;
      const held = {
        docType,
        date: document.date,
        validUntil: validUntil ?? null,
        ...(medical ? { medical } : {}),
        ...(merit ? { merit } : {}),
      };
      return { ...state, documents: [...state.documents, held] };
    }
    case 'CommuneConfirmationIssued':
      return {
        ...state,
        lawAbidingWhileSuspended:
          event.data.kind === 'LAW_ABIDING_WHILE_SUSPENDED'
            ? (event.data.lawAbiding ?? true)
            : state.lawAbidingWhileSuspended,
        documents: [
          ...state.documents,
          { docType: `COMMUNE:${event.data.kind}`, date: event.data.document.date, validUntil: null },
        ],
      };
    case 'InmatePeerReviewHeld':
    case 'FacilityProposalSigned':
    case 'CertificateCopiesDistributed':
    case 'ForeignNationalAmnestyHandled':
    case 'DossierAppraised':
    case 'AmnestyNoticeSentToCommune':
    case 'PrisonerReleased':
    case 'AmnestyCertificateIssued':
      return state;
  }
}
