import { dueDate } from '../calendar/deadlines.js';
import { VIETNAM_CALENDAR, type WorkingCalendar } from '../calendar/workingDays.js';
import type { Role } from '../shared/roles.js';
import { ensure, refuse } from '../shared/rules.js';
import type { DossierCommand } from './commands.js';
import type { DossierState } from './dossier.js';
import { DOSSIER_RULES as R } from './dossierRules.js';
import { assessEligibility, requiredDays, servedDays } from './eligibility.js';
import * as e from './events.js';
import type { DossierEvent } from './events.js';

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
  RecordGrantOutcome: e.DossierGrantOutcomeRecorded.emittedBy,
  SendAmnestyNotice: e.AmnestyNoticeSentToCommune.emittedBy,
  RecordRelease: e.PrisonerReleased.emittedBy,
  IssueCertificate: e.AmnestyCertificateIssued.emittedBy,
  DistributeCertificateCopies: e.CertificateCopiesDistributed.emittedBy,
  RecordForeignNationalHandling: e.ForeignNationalAmnestyHandled.emittedBy,
};

const five = (from: string, calendar: WorkingCalendar): string =>
  dueDate(from, { days: 5, kind: 'CALENDAR' }, calendar);

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

/** What a step on a proposal dossier records (DOMAIN.md §2b), given the dossier as its events left it. */
export function decideDossier(
  command: DossierCommand,
  state: DossierState,
  calendar: WorkingCalendar = VIETNAM_CALENDAR,
): DossierEvent[] {
  ensure(EMITTERS[command.type].includes(command.meta.role), R.role, command.meta.role);
  switch (command.type) {
    case 'SubmitPetition': {
      ensure(state.status === 'none', R.exists);
      const { decisionPostedOn, ...petition } = command.data;
      ensure(petition.submittedOn <= five(decisionPostedOn, calendar), R.petitionWindow);
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
      return [assess(command.data, undecided(state))];
    case 'SignFacilityProposal': {
      const dossier = undecided(state);
      if (command.data.recommendation === 'PROPOSE') {
        ensure(dossier.disqualified === null, R.disqualified, dossier.disqualified ?? '');
        ensure(dossier.eligible === true, R.proposalNeedsEligibility);
      }
      return [{ type: 'FacilityProposalSigned', data: command.data }];
    }
    case 'LodgeComplaint': {
      ensure(undecided(state).eligible === false, R.complaintOnlyIfOmitted);
      const { complaintsCloseOn, ...complaint } = command.data;
      ensure(complaint.lodgedOn <= complaintsCloseOn, R.complaintWindow, complaintsCloseOn);
      return [
        { type: 'ComplaintLodged', data: { ...complaint, resolveBy: five(complaint.lodgedOn, calendar) } },
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
      ensure(command.data.appealedOn <= five(c.resolvedOn, calendar), R.appealWindow);
      return [
        {
          type: 'ComplaintAppealed',
          data: { ...command.data, resolveBy: five(command.data.appealedOn, calendar) },
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
    case 'RecordGrantOutcome': {
      const dossier = undecided(state);
      const { namedInGrantDecision, ...outcome } = command.data;
      if (outcome.outcome === 'GRANTED') {
        ensure(dossier.disqualified === null, R.disqualified, dossier.disqualified ?? '');
        ensure(dossier.eligible === true, R.notEligible);
        ensure(namedInGrantDecision, R.notInGrantDecision);
      }
      return [{ type: 'DossierGrantOutcomeRecorded', data: outcome }];
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

function assess(
  data: Extract<DossierCommand, { type: 'AssessEligibility' }>['data'],
  dossier: Open,
): DossierEvent {
  const { round, assessedOn, ...facts } = data;
  const {
    sentence,
    reducedCategory,
    finesAndFeesPaid,
    civilObligation,
    aggravatingProtest,
    priorConvictions,
  } = dossier;
  const result = assessEligibility(
    {
      ...facts,
      sentence,
      reducedCategory,
      finesAndFeesPaid,
      civilObligation,
      aggravatingProtest,
      priorConvictions,
    },
    round,
  );
  const served = servedDays(sentence, round.servedTimeCutoff);
  const required = requiredDays(sentence, reducedCategory !== null, round);
  return {
    type: 'EligibilityAssessed',
    data: { assessedOn, ...result, servedDays: served, requiredDays: required },
  };
}
