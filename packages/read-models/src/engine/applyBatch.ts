import type { RecordedEvent } from '@dacxa/event-store';
import { physicalName, type Commit, type Doc, type DocumentStore } from '../types.js';
import type { Projection } from './projection.js';

/** What applying a batch produced: the writes, and the failure that stopped it, if one did. */
export interface BatchResult {
  writes: Commit['writes'];
  lastPosition: string | null;
  failure: { event: RecordedEvent; message: string } | null;
}

interface Entry {
  collection: string;
  id: string;
  doc: Doc | null;
  position: string;
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
  const working = new Map<string, Map<string, Entry>>();
  const physical = new Map(projection.collections.map((c) => [c.name, physicalName(c.name, generation)]));

  async function load(collection: string, id: string): Promise<Entry> {
    let byId = working.get(collection);
    if (!byId) working.set(collection, (byId = new Map<string, Entry>()));
    const found = byId.get(id);
    if (found) return found;
    const known = !written || written.has(`${collection}\u0000${id}`);
    const doc = known ? ((await documents.get(collection, id))?.doc ?? null) : null;
    const entry: Entry = { collection, id, doc, position: '0' };
    byId.set(id, entry);
    return entry;
  }

  for (const event of events) {
    const targets = projection.route(event);
    if (targets.length === 0) continue;
    const position = event.position.toString();
    try {
      // Every target's next state is computed before any is kept: an event lands whole or not at all.
      const next: Array<[Entry, Doc | null]> = [];
      for (const target of targets) {
        const entry = await load(
          physical.get(target.collection) ?? physicalName(target.collection, generation),
          target.id,
        );
        next.push([entry, projection.evolve(entry.doc, event, target)]);
      }
      for (const [entry, doc] of next) {
        entry.doc = doc;
        entry.position = position;
        written?.add(`${entry.collection}\u0000${entry.id}`);
      }
    } catch (error) {
      return {
        writes: dirty(working),
        lastPosition: lastPositionBefore(events, event),
        failure: { event, message: error instanceof Error ? error.message : String(error) },
      };
    }
  }
  return {
    writes: dirty(working),
    lastPosition: events.length > 0 ? (events.at(-1) as RecordedEvent).position.toString() : null,
    failure: null,
  };
}

function dirty(working: Map<string, Map<string, Entry>>): Commit['writes'] {
  const out: Entry[] = [];
  for (const byId of working.values())
    for (const entry of byId.values()) if (entry.position !== '0') out.push(entry);
  return out;
}

/** The position just before the failing event: the last one the batch fully applied. */
function lastPositionBefore(events: readonly RecordedEvent[], failing: RecordedEvent): string | null {
  const index = events.indexOf(failing);
  return index > 0 ? (events[index - 1] as RecordedEvent).position.toString() : null;
}
