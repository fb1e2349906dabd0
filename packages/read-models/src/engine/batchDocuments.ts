import { fieldOf, matches } from '../query.js';
import type { Doc, DocumentStore, Page } from '../types.js';
import type { TargetMatch } from './projection.js';

/** A document as a batch holds it: read once, changed in memory, written once at the commit. */
export interface Entry {
  collection: string;
  id: string;
  doc: Doc | null;
  /** The position of the last event that changed it in this batch; '0' while unchanged. */
  position: string;
}

const PAGE = 500;

/**
 * The documents one batch reads and writes, by physical collection. During a rebuild `written`
 * holds what the new generation has so far: any other document cannot exist yet, so is not read.
 */
export function batchDocuments(documents: DocumentStore, written?: Set<string>) {
  const working = new Map<string, Map<string, Entry>>();
  const byIdOf = (collection: string): Map<string, Entry> => {
    let byId = working.get(collection);
    if (!byId) working.set(collection, (byId = new Map<string, Entry>()));
    return byId;
  };

  async function load(collection: string, id: string): Promise<Entry> {
    const byId = byIdOf(collection);
    const found = byId.get(id);
    if (found) return found;
    const known = !written || written.has(`${collection}\u0000${id}`);
    const doc = known ? ((await documents.get(collection, id))?.doc ?? null) : null;
    const entry: Entry = { collection, id, doc, position: '0' };
    byId.set(id, entry);
    return entry;
  }

  /** Every document of `collection` matching `where` as this batch has it: the stored ones, then its own. */
  async function loadMatching(collection: string, where: TargetMatch['where']): Promise<Entry[]> {
    const byId = byIdOf(collection);
    let cursor: string | null = null;
    do {
      const page: Page = await documents.find(collection, {
        where,
        limit: PAGE,
        ...(cursor ? { cursor } : {}),
      });
      for (const { id, doc } of page.items)
        if (!byId.has(id)) byId.set(id, { collection, id, doc, position: '0' });
      cursor = page.next;
    } while (cursor);
    const conditions = Object.entries(where);
    return [...byId.values()]
      .filter((e) => e.doc !== null && conditions.every(([f, c]) => matches(fieldOf(e.doc as Doc, f), c)))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The documents the batch changed, to commit. */
  function dirty(): Entry[] {
    const out: Entry[] = [];
    for (const byId of working.values())
      for (const entry of byId.values()) if (entry.position !== '0') out.push(entry);
    return out;
  }

  return { load, loadMatching, dirty };
}
