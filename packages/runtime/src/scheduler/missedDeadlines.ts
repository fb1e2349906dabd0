import type { Doc, DocumentStore, Page } from '@dacxa/read-models';
import { dayAfter } from './clock.js';
import type { CollectionOf, DueMarker, MarkerKind } from './dueMarkers.js';

/** The streams whose duties the `deadlines` view tracks, and the aggregate each belongs to. */
const HOLDER = /^(case|dossier|oversight|round|subject-request)-(.+)$/;

const PAGE = 500;

/** One open duty past its due date as the deadlines view derived it, as the clock's command. */
function missedMarker(doc: Doc): DueMarker | null {
  const { stream, rule, key, dueDate } = doc as {
    stream: string;
    rule: string;
    key: unknown;
    dueDate: unknown;
  };
  const holder = HOLDER.exec(stream);
  if (!holder || typeof dueDate !== 'string') return null;
  const k = typeof key === 'string' ? key : null;
  return {
    kind: holder[1] as MarkerKind,
    id: holder[2] as string,
    type: 'RecordDeadlineMissed',
    dueDate,
    data: { rule, ...(k ? { key: k } : {}), dueOn: dueDate, detectedOn: dayAfter(dueDate) },
    idempotencyKey: `deadline:${stream}:${rule}${k ? `:${k}` : ''}:${dueDate}`,
  };
}

/**
 * Every duty of the rule table (DOMAIN.md §4.3) open past its due date as of `today`, read from the
 * `deadlines` view. Windows are not in the view (they close; nobody misses them), nor met duties,
 * nor those already recorded missed (`missed-recorded`).
 */
export async function findMissedDeadlines(
  documents: DocumentStore,
  collectionOf: CollectionOf,
  today: string,
): Promise<DueMarker[]> {
  const collection = collectionOf('deadlines', 'deadlines');
  const due: DueMarker[] = [];
  let cursor: string | null = null;
  do {
    const page: Page = await documents.find(collection, {
      where: { status: 'open', dueDate: { lt: today } },
      limit: PAGE,
      ...(cursor ? { cursor } : {}),
    });
    for (const { doc } of page.items) {
      const marker = missedMarker(doc);
      if (marker && marker.dueDate < today) due.push(marker);
    }
    cursor = page.next;
  } while (cursor);
  return due;
}
