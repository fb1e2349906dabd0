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
import { assess } from './assess.js';
import * as e from './events.js';
import type { DossierEvent } from './events.js';
import { decidedRound, listComplainedOf, namedInGrantDecision, postedAt } from './roundFacts.js';

type Open = Extract<DossierState, { status: 'open' | 'granted' | 'not-granted' }>;

// The steps of compiling a dossier, its list, its complaints and its certificate: the court's for a
// suspended person (LĐX 15(3), 18(3), 37(1)), a warden's or the THAHS head's for a prisoner (15(2)).
const COMPILING: ReadonlySet<DossierCommand['type']> = new Set<DossierCommand['type']>([
  'SubmitPetition',
  'RecordPeerReview',
  'AttachDocument',
  'RecordCommuneConfirmation',
  'RecordConductRating',
  'AssessEligibility',
  'SignFacilityProposal',
  'LodgeComplaint',
  'ResolveComplaint',
  'AppealComplaint',
  'SendAmnestyNotice',
  'RecordRelease',
  'IssueCertificate',
  'DistributeCertificateCopies',
]);

/** A role's part in compiling: the court only for suspended persons, facility heads only for prisoners. */
function ensureKindFor(command: DossierCommand, state: DossierState): void {
  if (!COMPILING.has(command.type)) return;
  const kind =
    state.status !== 'none'
      ? state.kind
      : command.type === 'SubmitPetition'
        ? (command.data.dossierKind ?? 'PRISONER')
        : null;
  if (kind === null) return;
  const role = command.meta.role;
  if (role === 'court') ensure(kind === 'SUSPENDED', R.courtSuspendedOnly);
  if (role === 'facility-warden' || role === 'amnesty-subcommittee')
    ensure(kind === 'PRISONER', R.facilityPrisonersOnly);
}

// Each step may be taken by the roles its event declares as emitters.
const EMITTERS: Record<DossierCommand['type'], readonly Role[]> = {
  SubmitPetition: e.AmnestyPetitionSubmitted.emittedBy,
  RecordPeerReview: e.InmatePeerReviewHeld.emittedBy,
  AttachDocument: e.DossierDocumentAttached.emittedBy,
  ConfirmCivilObligations: e.CivilObligationStatusConfirmed.emittedBy,
  RecordCommuneConfirmation: e.CommuneConfirmationIssued.emittedBy,
  RecordConductRating: e.ConductRatingRecorded.emittedBy,
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
  ensureKindFor(command, state);
  switch (command.type) {
    case 'SubmitPetition': {
      ensure(state.status === 'none', R.exists);
      const petition = command.data;
      const round = decidedRound(context).round;
      // The court's notice opens a suspended person's dossier; LĐX 15(1)'s five days are the prisoners'.
      if (petition.dossierKind === 'SUSPENDED') {
        const notifiedOn = round.suspendedNotifiedAt[petition.facilityId];
        ensure(notifiedOn !== undefined && petition.submittedOn >= notifiedOn, R.suspendedNotNotified);
        return [{ type: 'AmnestyPetitionSubmitted', data: petition }];
      }
      const postedOn = postedAt(round, petition.facilityId);
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
      if (command.meta.role === 'provincial-health-dept')
        ensure(command.data.docType === 'MEDICAL_CONCLUSION', R.healthDeptMedicalOnly);
      return [{ type: 'DossierDocumentAttached', data: command.data }];
    case 'ConfirmCivilObligations': {
      undecided(state);
      const { status, notYetEnforceableDecision } = command.data;
      // A part paid counts only with the office's decision that the rest cannot yet be enforced.
      if (status === 'PARTIAL_UNABLE_TO_PAY')
        ensure(notYetEnforceableDecision !== undefined, R.partialNeedsDecision);
      return [{ type: 'CivilObligationStatusConfirmed', data: command.data }];
    }
    case 'RecordCommuneConfirmation': {
      const dossier = undecided(state);
      if (command.data.kind === 'LAW_ABIDING_WHILE_SUSPENDED')
        ensure(dossier.kind === 'SUSPENDED' && command.data.lawAbiding !== undefined, R.lawAbidingComment);
      return [{ type: 'CommuneConfirmationIssued', data: command.data }];
    }
    case 'RecordConductRating': {
      const dossier = undecided(state);
      const { period, quarter } = command.data;
      ensure((period === 'QUARTER') === (quarter !== undefined), R.ratingPeriod);
      const again = dossier.ratings.some((r) => r.period === period && r.quarter === (quarter ?? null));
      ensure(!again, R.quarterRated, quarter ?? period);
      return [{ type: 'ConductRatingRecorded', data: command.data }];
    }
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
      const dossier = undecided(state);
      if (!c || c.id !== command.data.complaintId || c.resolvedOn === null) return refuse(R.noComplaint);
      ensure(c.outcome === 'REJECTED', R.appealNeedsRejection);
      // LĐX 37(2): the Chief Justice hears the court's; the Ministers hear the facilities'.
      const toChiefJustice = command.data.to === 'SPC_CHIEF_JUSTICE';
      ensure(toChiefJustice === (dossier.kind === 'SUSPENDED'), R.appealAddressee, command.data.to);
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
      if (due === null || !c) return refuse(R.noComplaint);
      const recorder = c.appealedTo === 'SPC_CHIEF_JUSTICE' ? 'court' : 'amnesty-subcommittee';
      ensure(command.meta.role === recorder, R.appealResolver, command.meta.role);
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
    case 'RecordDisqualifyingEvent': {
      undecided(state);
      const { reason, roundExclusion } = command.data;
      if (roundExclusion !== undefined) {
        // A paper proving one of the round's own exclusions: it must be one the round lists.
        ensure(reason === 'ROUND_SPECIFIC', R.exclusionGround);
        const listed = decidedRound(context).parameters.exclusions.some((x) => x.id === roundExclusion);
        ensure(listed, R.unknownExclusion, roundExclusion);
      }
      return [{ type: 'DisqualifyingEventRecorded', data: command.data }];
    }
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
