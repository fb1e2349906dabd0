import type { RecordedEvent } from '@dacxa/event-store';
import { physicalName, type Commit, type Doc, type DocumentStore } from '../types.js';
import { batchDocuments, type Entry } from './batchDocuments.js';
import { isTarget, type Projection, type Target } from './projection.js';

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
  const batch = batchDocuments(documents, written);
  const physical = (collection: string): string => physicalName(collection, generation);

  /** The event's targets with their entries: named ones, then every match of each filter. */
  async function targetsOf(event: RecordedEvent): Promise<Array<[Target, Entry]>> {
    const out: Array<[Target, Entry]> = [];
    for (const route of projection.route(event)) {
      if (isTarget(route)) out.push([route, await batch.load(physical(route.collection), route.id)]);
      else
        for (const entry of await batch.loadMatching(physical(route.collection), route.where))
          out.push([{ collection: route.collection, id: entry.id }, entry]);
    }
    return out;
  }

  for (const event of events) {
    const position = event.position.toString();
    try {
      const targets = await targetsOf(event);
      if (targets.length === 0) continue;
      const reads = new Map<string, Doc | null>();
      for (const t of projection.reads?.(event) ?? [])
        reads.set(`${t.collection}\u0000${t.id}`, (await batch.load(physical(t.collection), t.id)).doc);
      const read = (t: Target): Doc | null => reads.get(`${t.collection}\u0000${t.id}`) ?? null;
      // Every target's next state is computed before any is kept: an event lands whole or not at all.
      const next: Array<[Entry, Doc | null]> = [];
      for (const [target, entry] of targets)
        next.push([entry, projection.evolve(entry.doc, event, target, read)]);
      for (const [entry, doc] of next) {
        entry.doc = doc;
        entry.position = position;
        written?.add(`${entry.collection}\u0000${entry.id}`);
      }
    } catch (error) {
      return {
        writes: batch.dirty(),
        lastPosition: lastPositionBefore(events, event),
        failure: { event, message: error instanceof Error ? error.message : String(error) },
      };
    }
  }
  return {
    writes: batch.dirty(),
    lastPosition: events.length > 0 ? (events.at(-1) as RecordedEvent).position.toString() : null,
    failure: null,
  };
}

/** The position just before the failing event: the last one the batch fully applied. */
function lastPositionBefore(events: readonly RecordedEvent[], failing: RecordedEvent): string | null {
  const index = events.indexOf(failing);
  return index > 0 ? (events[index - 1] as RecordedEvent).position.toString() : null;
}
