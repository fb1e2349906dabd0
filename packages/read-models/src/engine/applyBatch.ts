import type { RecordedEvent } from '@dacxa/event-store';
import { physicalName, type Commit, type Doc, type DocumentStore } from '../types.js';
import type { Projection } from './projection.js';

/** What applying a batch produced: the writes, and the failure that stopped it, if one did. */
export interface BatchResult {
  writes: Commit['writes'];
  lastPosition: string | null;
  failure: { event: RecordedEvent; message: string } | null;
}

/**
 * Folds a batch of events into the documents they touch, each document read once and written
 * once. A projection that throws stops the batch at that event: what came before it is kept, the
 * event itself is not skipped.
 */
export async function applyBatch(
  projection: Projection,
  documents: DocumentStore,
  generation: number,
  events: readonly RecordedEvent[],
  /** During a rebuild: the documents written so far; any other cannot exist yet, so is not read. */
  written?: Set<string>,
): Promise<BatchResult> {
  const working = new Map<string, { collection: string; id: string; doc: Doc | null; position: string }>();
  let lastPosition: string | null = null;
  for (const event of events) {
    try {
      const staged: Array<[string, { collection: string; id: string; doc: Doc | null; position: string }]> =
        [];
      for (const target of projection.route(event)) {
        const collection = physicalName(target.collection, generation);
        const key = `${collection}\u0000${target.id}`;
        const current = working.get(key) ?? {
          collection,
          id: target.id,
          doc:
            written && !written.has(key) ? null : ((await documents.get(collection, target.id))?.doc ?? null),
          position: '0',
        };
        const next = projection.evolve(current.doc, event, target);
        staged.push([key, { collection, id: target.id, doc: next, position: event.position.toString() }]);
      }
      // An event's effects land together or not at all.
      for (const [key, entry] of staged) {
        working.set(key, entry);
        written?.add(key);
      }
      lastPosition = event.position.toString();
    } catch (error) {
      return {
        writes: [...working.values()],
        lastPosition,
        failure: { event, message: error instanceof Error ? error.message : String(error) },
      };
    }
  }
  return { writes: [...working.values()], lastPosition, failure: null };
}
