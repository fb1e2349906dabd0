import { openDeadline } from '../calendar/deadlineFact.js';
import type { DeadlineRuleId } from '../calendar/deadlineRules.js';
import { BUILT_IN_CALENDAR } from '../calendar/builtInCalendar.js';
import type { HolidayCalendar } from '../calendar/holidayCalendar.js';
import type { Role } from '../shared/roles.js';
import { ensure, refuse } from '../shared/rules.js';
import type { DossierCommand } from './commands.js';
import type { DossierContext } from './context.js';
import type { DossierState } from './dossier.js';
import { DOSSIER_RULES as R } from './dossierRules.js';
import { assessEligibility, reducedApplies, requiredDays, servedDays } from './eligibility.js';
import { reducedEvidence } from './reducedEvidence.js';
import * as e from './events.js';
import type { DossierEvent } from './events.js';
import { decidedRound, listComplainedOf, namedInGrantDecision, postedAt } from './roundFacts.js';

type Open = Extract<DossierState, { status: 'open' | 'granted' | 'not-granted' }>;

// Each step may be taken by the roles its event declares as emitters.
const EMITTERS: Record<DossierCommand['type'], readonly Role[]> = {
  SubmitPetition: e.AmnestyPetitionSubmitted.emittedBy,
  RecordPeerReview: e.InmatePeerReviewHeld.emittedBy,
  AttachDocument: e.DossierDocumentAttached.emittedBy,
  ConfirmCivilObligations: e.CivilObligationStatusConfirmed.emittedBy,
  RecordCommuneConfirmation: e.CommuneConfirmationIssued.emittedBy,
  AssessEligibility: e.EligibilityAssessed.emittedBy,
  SignFacilityProposal: e.FacilityProposalSigned.emittedBy,
  LodgeComplaint: e.ComplaintLodged.emittedBy,
  ResolveComplaint: e.ComplaintResolved.emittedBy,
  AppealComplaint: e.ComplaintAppealed.emittedBy,
  ResolveAppeal: e.ComplaintAppealResolved.emittedBy,
  AppraiseDossier: e.DossierAppraised.emittedBy,
  RecordDisqualifyingEvent: e.DisqualifyingEventRecorded.emittedBy,
  LiftDisqualification: e.DisqualificationLifted.emittedBy,
  RecordGrantOutcome: e.DossierGrantOutcomeRecorded.emittedBy,
  SendAmnestyNotice: e.AmnestyNoticeSentToCommune.emittedBy,
  RecordRelease: e.PrisonerReleased.emittedBy,
  IssueCertificate: e.AmnestyCertificateIssued.emittedBy,
  DistributeCertificateCopies: e.CertificateCopiesDistributed.emittedBy,
  RecordForeignNationalHandling: e.ForeignNationalAmnestyHandled.emittedBy,
};

// LĐX's "05 ngày" limits, each from the rule table.
const five = (rule: DeadlineRuleId, from: string, calendar: HolidayCalendar): string =>
  openDeadline(rule, from, calendar).date;

/** A dossier still before its outcome. */
function undecided(state: DossierState): Open {
  if (state.status === 'none') return refuse(R.none);
  ensure(state.status === 'open', R.decided);
  return state;
}

/** A dossier whose person was granted amnesty. */
function granted(state: DossierState): Open {
  if (state.status === 'none') return refuse(R.none);
  ensure(state.status === 'granted', R.notGranted);
  return state;
}

/**
 * What a step on a proposal dossier records (DOMAIN.md §2b), given the dossier as its events left it
 * and what the log says elsewhere (`context`): the round's postings, parameters, lists and grant
 * decision, and the person's earlier grants. None of these comes from the command.
 */
export function decideDossier(
  command: DossierCommand,
  state: DossierState,
  context: DossierContext,
  calendar: HolidayCalendar = BUILT_IN_CALENDAR,
): DossierEvent[] {
  ensure(EMITTERS[command.type].includes(command.meta.role), R.role, command.meta.role);
  switch (command.type) {
    case 'SubmitPetition': {
      ensure(state.status === 'none', R.exists);
      const petition = command.data;
      const postedOn = postedAt(decidedRound(context).round, petition.facilityId);
      ensure(petition.submittedOn >= postedOn, R.notPosted, `${petition.facilityId}: ${postedOn}`);
      ensure(
        petition.submittedOn <= five('dossier.petition-window', postedOn, calendar),
        R.petitionWindow,
        postedOn,
      );
      return [{ type: 'AmnestyPetitionSubmitted', data: petition }];
    }
    case 'RecordPeerReview':
      undecided(state);
      return [{ type: 'InmatePeerReviewHeld', data: command.data }];
    case 'AttachDocument':
      undecided(state);
      return [{ type: 'DossierDocumentAttached', data: command.data }];
    case 'ConfirmCivilObligations':
      undecided(state);
      return [{ type: 'CivilObligationStatusConfirmed', data: command.data }];
    case 'RecordCommuneConfirmation':
      undecided(state);
      return [{ type: 'CommuneConfirmationIssued', data: command.data }];
    case 'AssessEligibility':
      return [assess(command.data, undecided(state), context)];
    case 'SignFacilityProposal': {
      const dossier = undecided(state);
      if (command.data.recommendation === 'PROPOSE') {
        ensure(dossier.disqualified === null, R.disqualified, dossier.disqualified ?? '');
        ensure(dossier.eligible === true, R.proposalNeedsEligibility);
      }
      return [{ type: 'FacilityProposalSigned', data: command.data }];
    }
    case 'LodgeComplaint': {
      const dossier = undecided(state);
      // Left off the list: assessed ineligible, or never assessed at all (LĐX 36(1)).
      ensure(dossier.eligible !== true, R.complaintOnlyIfOmitted);
      const list = listComplainedOf(decidedRound(context).round, dossier.facilityId, dossier.dossierId);
      const complaint = command.data;
      ensure(complaint.lodgedOn <= list.complaintsCloseOn, R.complaintWindow, list.complaintsCloseOn);
      const due = openDeadline('dossier.complaint-resolution', complaint.lodgedOn, calendar);
      return [
        { type: 'ComplaintLodged', data: { ...complaint, resolveBy: due.date, deadlines: [due.fact] } },
      ];
    }
    case 'ResolveComplaint': {
      const c = undecided(state).complaint;
      if (!c || c.id !== command.data.complaintId || c.outcome !== null) return refuse(R.noComplaint);
      return [
        { type: 'ComplaintResolved', data: { ...command.data, late: command.data.resolvedOn > c.resolveBy } },
      ];
    }
    case 'AppealComplaint': {
      const c = undecided(state).complaint;
      if (!c || c.id !== command.data.complaintId || c.resolvedOn === null) return refuse(R.noComplaint);
      ensure(c.outcome === 'REJECTED', R.appealNeedsRejection);
      ensure(
        command.data.appealedOn <= five('dossier.appeal-window', c.resolvedOn, calendar),
        R.appealWindow,
      );
      const due = openDeadline('dossier.appeal-resolution', command.data.appealedOn, calendar);
      return [
        {
          type: 'ComplaintAppealed',
          data: { ...command.data, resolveBy: due.date, deadlines: [due.fact] },
        },
      ];
    }
    case 'ResolveAppeal': {
      const c = undecided(state).complaint;
      const due = c?.id === command.data.complaintId ? c.appealResolveBy : null;
      if (due === null) return refuse(R.noComplaint);
      return [
        { type: 'ComplaintAppealResolved', data: { ...command.data, late: command.data.resolvedOn > due } },
      ];
    }
    case 'AppraiseDossier': {
      const dossier = undecided(state);
      ensure(dossier.disqualified === null, R.disqualified, dossier.disqualified ?? '');
      ensure(dossier.eligible !== null, R.notAssessed);
      ensure(dossier.eligible, R.notEligible);
      return [{ type: 'DossierAppraised', data: command.data }];
    }
    case 'RecordDisqualifyingEvent':
      undecided(state);
      return [{ type: 'DisqualifyingEventRecorded', data: command.data }];
    case 'LiftDisqualification': {
      const dossier = undecided(state);
      ensure(dossier.grounds.includes(command.data.reason), R.notDisqualifiedSo, dossier.grounds.join(', '));
      return [{ type: 'DisqualificationLifted', data: command.data }];
    }
    case 'RecordGrantOutcome': {
      const dossier = undecided(state);
      const named = namedInGrantDecision(decidedRound(context).round, dossier.dossierId);
      if (command.data.outcome === 'GRANTED') {
        ensure(dossier.disqualified === null, R.disqualified, dossier.disqualified ?? '');
        ensure(dossier.eligible === true, R.notEligible);
        ensure(named, R.notInGrantDecision);
      } else ensure(!named, R.namedInGrantDecision);
      return [{ type: 'DossierGrantOutcomeRecorded', data: command.data }];
    }
    case 'SendAmnestyNotice':
      granted(state);
      return [{ type: 'AmnestyNoticeSentToCommune', data: command.data }];
    case 'RecordRelease':
      granted(state);
      return [{ type: 'PrisonerReleased', data: command.data }];
    case 'IssueCertificate':
      granted(state);
      return [{ type: 'AmnestyCertificateIssued', data: command.data }];
    case 'DistributeCertificateCopies':
      granted(state);
      return [{ type: 'CertificateCopiesDistributed', data: command.data }];
    case 'RecordForeignNationalHandling':
      granted(state);
      return [{ type: 'ForeignNationalAmnestyHandled', data: command.data }];
  }
}

/** Previously pardoned (LĐX 12(4)): a grant of another dossier by then, or one recorded as disqualifying. */
function previouslyPardoned(dossier: Open, context: DossierContext, on: string): boolean {
  const earlier = context.grants.some((g) => g.dossierId !== dossier.dossierId && g.grantedOn <= on);
  return earlier || dossier.grounds.includes('PREVIOUSLY_PARDONED');
}

function assess(
  data: Extract<DossierCommand, { type: 'AssessEligibility' }>['data'],
  dossier: Open,
  context: DossierContext,
): DossierEvent {
  const round = decidedRound(context).parameters;
  const { assessedOn, ...facts } = data;
  const unknown = facts.roundExclusionsMatched.filter((id) => !round.exclusions.some((x) => x.id === id));
  ensure(unknown.length === 0, R.unknownExclusion, unknown.join(', '));
  const {
    sentence,
    reducedCategory,
    finesAndFeesPaid,
    civilObligation,
    aggravatingProtest,
    priorConvictions,
  } = dossier;
  const evidence =
    reducedCategory === null ? null : reducedEvidence(reducedCategory, dossier.documents, assessedOn);
  const result = assessEligibility(
    {
      ...facts,
      previouslyPardoned: previouslyPardoned(dossier, context, assessedOn),
      sentence,
      reducedCategory,
      reducedEvidence: evidence,
      finesAndFeesPaid,
      civilObligation,
      aggravatingProtest,
      priorConvictions,
    },
    round,
  );
  const served = servedDays(sentence, round.servedTimeCutoff);
  const required = requiredDays(
    sentence,
    reducedApplies({ reducedCategory, reducedEvidence: evidence }),
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
