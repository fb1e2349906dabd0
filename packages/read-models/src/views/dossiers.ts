import type { RecordedEvent } from '@dacxa/event-store';
import type { Projection } from '../engine/projection.js';

/** A proposal dossier on the round control tower. */
export interface DossierDoc {
  [key: string]: unknown;
  dossierId: string;
  personId: string;
  roundId: string;
  facilityId: string;
  stage:
    | 'petitioned'
    | 'eligible'
    | 'ineligible'
    | 'appraised'
    | 'disqualified'
    | 'granted'
    | 'not-granted'
    | 'released';
  complaintOpen: boolean;
  complaintResolveBy: string | null;
  certificateIssued: boolean;
  destinationCommune: string | null;
}

/** The round control tower: every dossier's stage, complaints with their 5-day clocks (DOMAIN.md §5.1). */
export function evolveDossier(doc: DossierDoc | null, event: RecordedEvent): DossierDoc | null {
  const d = event.data as Record<string, unknown>;
  if (event.type === 'AmnestyPetitionSubmitted') {
    return {
      dossierId: String(d.dossierId),
      personId: (d.person as { personId: string }).personId,
      roundId: String(d.roundId),
      facilityId: String(d.facilityId),
      stage: 'petitioned',
      complaintOpen: false,
      complaintResolveBy: null,
      certificateIssued: false,
      destinationCommune: null,
    };
  }
  if (!doc) return null;
  switch (event.type) {
    case 'EligibilityAssessed':
      return doc.stage === 'disqualified' ? doc : { ...doc, stage: d.eligible ? 'eligible' : 'ineligible' };
    case 'ComplaintLodged':
      return { ...doc, complaintOpen: true, complaintResolveBy: d.resolveBy as string };
    case 'ComplaintResolved':
      return { ...doc, complaintOpen: false, stage: d.outcome === 'ACCEPTED' ? 'eligible' : doc.stage };
    case 'ComplaintAppealed':
      return { ...doc, complaintOpen: true, complaintResolveBy: d.resolveBy as string };
    case 'ComplaintAppealResolved':
      return {
        ...doc,
        complaintOpen: false,
        stage: d.outcome === 'ADDED_TO_ELIGIBLE' ? 'eligible' : 'ineligible',
      };
    case 'DossierAppraised':
      return { ...doc, stage: 'appraised' };
    case 'DisqualifyingEventRecorded':
      return { ...doc, stage: 'disqualified' };
    case 'DossierGrantOutcomeRecorded':
      return { ...doc, stage: d.outcome === 'GRANTED' ? 'granted' : 'not-granted' };
    case 'PrisonerReleased':
      return { ...doc, stage: 'released' };
    case 'AmnestyCertificateIssued':
      return { ...doc, certificateIssued: true, destinationCommune: d.destinationCommune as string };
    default:
      return doc;
  }
}

export const dossiersProjection: Projection<DossierDoc> = {
  name: 'dossiers',
  version: 1,
  collections: [
    {
      name: 'dossiers',
      indexes: ['personId', 'roundId', 'facilityId'],
      filters: { roundId: 'id', facilityId: 'unit' },
    },
  ],
  route: (event) =>
    event.stream.startsWith('dossier-') ? [{ collection: 'dossiers', id: event.stream.slice(8) }] : [],
  evolve: (doc, event) => evolveDossier(doc, event),
};
