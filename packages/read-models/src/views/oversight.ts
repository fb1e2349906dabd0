import type { RecordedEvent } from '@dacxa/event-store';
import type { Projection, Target } from '../engine/projection.js';
import { unitRoot } from './unitRoot.js';

/** A request or recommendation of an oversight body, with its response deadline and the response. */
export interface RecommendationDoc {
  [key: string]: unknown;
  recommendationId: string;
  matterId: string;
  bodyUnit: string;
  addresseeUnit: string;
  /** The commune (or higher unit) addressed: what a unit's scope selects on. */
  scopeUnit: string;
  kind: 'REQUEST' | 'RECOMMENDATION';
  issuedOn: string;
  responseDue: string;
  respondedOn: string | null;
  late: boolean;
  matterClosed: boolean;
  /** The response deadline while no response is recorded: what boards filter and sort on. */
  dueOn: string | null;
}

function route(event: RecordedEvent): readonly Target[] {
  if (!event.stream.startsWith('oversight-')) return [];
  const d = event.data as Record<string, unknown>;
  if (event.type === 'OversightRecommendationIssued' || event.type === 'OversightResponseSubmitted') {
    return [{ collection: 'oversight_recommendations', id: String(d.recommendationId) }];
  }
  return [];
}

/** Oversight matters with their response deadlines (DOMAIN.md §5.3). */
export function evolveRecommendation(
  doc: RecommendationDoc | null,
  event: RecordedEvent,
): RecommendationDoc | null {
  const d = event.data as Record<string, unknown>;
  if (event.type === 'OversightRecommendationIssued') {
    return {
      recommendationId: String(d.recommendationId),
      matterId: event.stream.slice('oversight-'.length),
      // The body issues its recommendations itself: the recording unit is the body's.
      bodyUnit: String(event.metadata.unit),
      addresseeUnit: String(d.addresseeUnit),
      scopeUnit: unitRoot(String(d.addresseeUnit)),
      kind: d.kind as RecommendationDoc['kind'],
      issuedOn: String(d.issuedOn),
      responseDue: String(d.responseDue),
      respondedOn: null,
      late: false,
      matterClosed: false,
      dueOn: String(d.responseDue),
    };
  }
  if (!doc) return null;
  return event.type === 'OversightResponseSubmitted'
    ? { ...doc, respondedOn: d.respondedOn as string, late: d.late as boolean, dueOn: null }
    : doc;
}

export const oversightProjection: Projection<RecommendationDoc> = {
  name: 'oversight',
  version: 3,
  collections: [
    {
      name: 'oversight_recommendations',
      indexes: ['bodyUnit', 'addresseeUnit', 'scopeUnit', 'dueOn'],
      filters: { bodyUnit: 'unit', addresseeUnit: 'unit' },
    },
  ],
  route,
  evolve: (doc, event) => evolveRecommendation(doc, event),
};
