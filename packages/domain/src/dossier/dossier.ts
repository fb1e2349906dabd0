import { dueDate } from '../calendar/deadlines.js';
import { VIETNAM_CALENDAR, type WorkingCalendar } from '../calendar/workingDays.js';
import type { PersonDetails } from '../shared/personal.js';
import { ensure, refuse } from '../shared/rules.js';
import type { DossierCommand } from './commands.js';
import { DOSSIER_RULES as R } from './dossierRules.js';
import { assessEligibility, requiredDays, servedDays } from './eligibility.js';
import * as e from './events.js';
import type { DossierEvent } from './events.js';
import type { Role } from '../shared/roles.js';
import type { Sentence } from './values.js';

interface Complaint {
  id: string;
  resolveBy: string;
  outcome: 'ACCEPTED' | 'REJECTED' | null;
  resolvedOn: string | null;
  appealResolveBy: string | null;
}

/** A prisoner's proposal dossier (DOMAIN.md §2b). */
export type DossierState =
  | { status: 'none' }
  | {
      status: 'open' | 'granted' | 'not-granted';
      person: PersonDetails;
      sentence: Sentence;
      priorConvictions: number;
      reducedCategory: string | null;
      finesAndFeesPaid: boolean | null;
      civilObligation: string | null;
      eligible: boolean | null;
      aggravatingProtest: boolean;
      disqualified: string | null;
      complaint: Complaint | null;
    };
export const initialDossierState: DossierState = { status: 'none' };

export function evolveDossier(state: DossierState, event: DossierEvent): DossierState {
  if (event.type === 'AmnestyPetitionSubmitted') {
    const d = event.data;
    return {
      status: 'open',
      person: d.person,
      sentence: d.sentence,
      priorConvictions: d.priorConvictions,
      reducedCategory: d.reducedCategory ?? null,
      finesAndFeesPaid: null,
      civilObligation: null,
      eligible: null,
      aggravatingProtest: false,
      disqualified: null,
      complaint: null,
    };
  }
  if (state.status === 'none') return state;
  const complaint = state.complaint;
  switch (event.type) {
    case 'CivilObligationStatusConfirmed':
      return { ...state, civilObligation: event.data.status, finesAndFeesPaid: event.data.finesAndFeesPaid };
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
      return { ...state, complaint: complaint && { ...complaint, appealResolveBy: event.data.resolveBy } };
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
        aggravatingProtest:
          state.aggravatingProtest || event.data.reason === 'AGGRAVATING_CASSATION_OR_REOPENING_PROTEST',
      };
    case 'DossierGrantOutcomeRecorded':
      return { ...state, status: event.data.outcome === 'GRANTED' ? 'granted' : 'not-granted' };
    case 'InmatePeerReviewHeld':
    case 'DossierDocumentAttached':
    case 'DossierAppraised':
    case 'AmnestyNoticeSentToCommune':
    case 'PrisonerReleased':
    case 'AmnestyCertificateIssued':
      return state;
  }
}

// Each step may be taken by the roles its event declares as emitters.
const EMITTERS: Record<DossierCommand['type'], readonly Role[]> = {
  SubmitPetition: e.AmnestyPetitionSubmitted.emittedBy,
  RecordPeerReview: e.InmatePeerReviewHeld.emittedBy,
  AttachDocument: e.DossierDocumentAttached.emittedBy,
  ConfirmCivilObligations: e.CivilObligationStatusConfirmed.emittedBy,
  AssessEligibility: e.EligibilityAssessed.emittedBy,
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
};
const five = (from: string, calendar: WorkingCalendar): string =>
  dueDate(from, { days: 5, kind: 'CALENDAR' }, calendar);

export function decideDossier(
  command: DossierCommand,
  state: DossierState,
  calendar: WorkingCalendar = VIETNAM_CALENDAR,
): DossierEvent[] {
  const { type, data, meta } = command;
  ensure(EMITTERS[type].includes(meta.role), R.role, meta.role);
  if (type === 'SubmitPetition') {
    ensure(state.status === 'none', R.exists);
    const { decisionPostedOn, ...petition } = data;
    ensure(petition.submittedOn <= five(decisionPostedOn, calendar), R.petitionWindow);
    return [{ type: 'AmnestyPetitionSubmitted', data: petition }];
  }
  if (state.status === 'none') return refuse(R.none);
  if (type === 'SendAmnestyNotice' || type === 'RecordRelease' || type === 'IssueCertificate') {
    ensure(state.status === 'granted', R.notGranted);
    if (type === 'SendAmnestyNotice') return [{ type: 'AmnestyNoticeSentToCommune', data }];
    return type === 'RecordRelease'
      ? [{ type: 'PrisonerReleased', data }]
      : [{ type: 'AmnestyCertificateIssued', data }];
  }
  ensure(state.status === 'open', R.decided);
  switch (type) {
    case 'RecordDisqualifyingEvent':
      return [{ type: 'DisqualifyingEventRecorded', data }];
    case 'RecordPeerReview':
      return [{ type: 'InmatePeerReviewHeld', data }];
    case 'AttachDocument':
      return [{ type: 'DossierDocumentAttached', data }];
    case 'ConfirmCivilObligations':
      return [{ type: 'CivilObligationStatusConfirmed', data }];
    case 'AssessEligibility': {
      const { round, assessedOn, ...facts } = data;
      const result = assessEligibility(
        {
          ...facts,
          sentence: state.sentence,
          reducedCategory: state.reducedCategory,
          finesAndFeesPaid: state.finesAndFeesPaid,
          civilObligation: state.civilObligation,
          aggravatingProtest: state.aggravatingProtest,
          priorConvictions: state.priorConvictions,
        },
        round,
      );
      const served = servedDays(state.sentence, round.servedTimeCutoff);
      const required = requiredDays(state.sentence, state.reducedCategory !== null, round);
      return [
        {
          type: 'EligibilityAssessed',
          data: { assessedOn, ...result, servedDays: served, requiredDays: required },
        },
      ];
    }
    case 'LodgeComplaint': {
      ensure(state.eligible === false, R.complaintOnlyIfOmitted);
      const { complaintsCloseOn, ...complaint } = data;
      ensure(complaint.lodgedOn <= complaintsCloseOn, R.complaintWindow, complaintsCloseOn);
      return [
        { type: 'ComplaintLodged', data: { ...complaint, resolveBy: five(complaint.lodgedOn, calendar) } },
      ];
    }
    case 'ResolveComplaint': {
      const c = state.complaint;
      if (!c || c.id !== data.complaintId || c.outcome !== null) return refuse(R.noComplaint);
      return [{ type: 'ComplaintResolved', data: { ...data, late: data.resolvedOn > c.resolveBy } }];
    }
    case 'AppealComplaint': {
      const c = state.complaint;
      if (!c || c.id !== data.complaintId || c.resolvedOn === null) return refuse(R.noComplaint);
      ensure(c.outcome === 'REJECTED', R.appealNeedsRejection);
      ensure(data.appealedOn <= five(c.resolvedOn, calendar), R.appealWindow);
      return [{ type: 'ComplaintAppealed', data: { ...data, resolveBy: five(data.appealedOn, calendar) } }];
    }
    case 'ResolveAppeal': {
      const due = state.complaint?.id === data.complaintId ? state.complaint.appealResolveBy : null;
      if (due === null) return refuse(R.noComplaint);
      return [{ type: 'ComplaintAppealResolved', data: { ...data, late: data.resolvedOn > due } }];
    }
    case 'AppraiseDossier':
      ensure(state.disqualified === null, R.disqualified, state.disqualified ?? '');
      ensure(state.eligible !== null, R.notAssessed);
      ensure(state.eligible, R.notEligible);
      return [{ type: 'DossierAppraised', data }];
    case 'RecordGrantOutcome': {
      const { namedInGrantDecision, ...outcome } = data;
      if (outcome.outcome === 'GRANTED') {
        ensure(state.disqualified === null, R.disqualified, state.disqualified ?? '');
        ensure(state.eligible === true, R.notEligible);
        ensure(namedInGrantDecision, R.notInGrantDecision);
      }
      return [{ type: 'DossierGrantOutcomeRecorded', data: outcome }];
    }
  }
}
