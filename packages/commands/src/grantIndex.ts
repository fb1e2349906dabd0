import type { PersonGrant } from '@dacxa/domain';
import type { EventStore, Position } from '@dacxa/event-store';
import type { RestedOn } from './contextLoader.js';

/** A person's earlier grants of amnesty, with the streams and revisions the answer rests on. */
export interface GrantIndex {
  grantsOf(personId: string): Promise<{ grants: PersonGrant[]; restsOn: RestedOn[] }>;
}

interface DossierEntry {
  roundId: string;
  granted: { revision: number } | null;
}

/**
 * A person's grant history across every round and province, kept from the log itself: each call
 * reads only what was appended since the last one, so the answer is always as of the log's head
 * (no view that might lag) and never needs a second scan. Person ids are not sealed, so nothing
 * is opened to build it.
 */
export function createGrantIndex(store: EventStore): GrantIndex {
  const dossiersOf = new Map<string, string[]>();
  const dossiers = new Map<string, DossierEntry>();
  const rounds = new Map<string, { effectiveFrom: string; revision: number }>();
  let after: Position | undefined;
  let catching: Promise<void> | null = null;

  async function catchUp(): Promise<void> {
    for await (const event of store.readAll(after === undefined ? {} : { after })) {
      after = event.position;
      const d = event.data as Record<string, unknown>;
      const id = event.stream.slice(event.stream.indexOf('-') + 1);
      if (event.type === 'AmnestyPetitionSubmitted') {
        const personId = (d.person as { personId?: string } | undefined)?.personId;
        if (typeof personId !== 'string') continue;
        dossiers.set(id, { roundId: String(d.roundId), granted: null });
        dossiersOf.set(personId, [...(dossiersOf.get(personId) ?? []), id]);
      } else if (event.type === 'DossierGrantOutcomeRecorded' && d.outcome === 'GRANTED') {
        const entry = dossiers.get(id);
        if (entry) entry.granted = { revision: event.revision };
      } else if (event.type === 'AmnestyGrantDecisionIssued') {
        rounds.set(id, { effectiveFrom: String(d.effectiveFrom), revision: event.revision });
      }
    }
  }

  return {
    async grantsOf(personId) {
      // One catch-up at a time; a caller arriving during one waits for it, then reads again.
      while (catching) await catching;
      catching = catchUp().finally(() => (catching = null));
      await catching;
      const grants: PersonGrant[] = [];
      const restsOn: RestedOn[] = [];
      for (const dossierId of dossiersOf.get(personId) ?? []) {
        const entry = dossiers.get(dossierId);
        if (!entry?.granted) continue;
        const round = rounds.get(entry.roundId);
        if (!round) continue;
        grants.push({ roundId: entry.roundId, dossierId, grantedOn: round.effectiveFrom });
        restsOn.push({ stream: `dossier-${dossierId}`, revision: entry.granted.revision });
        restsOn.push({ stream: `round-${entry.roundId}`, revision: round.revision });
      }
      return { grants, restsOn };
    },
  };
}
