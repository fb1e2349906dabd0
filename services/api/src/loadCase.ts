import { evolveCase, initialCaseState, readStoredEvent, type CaseEvent, type CaseState } from '@dacxa/domain';
import type { EventStore, RecordedEvent } from '@dacxa/event-store';
import type { Sealer } from '@dacxa/protection';

const PROCESSING = { role: 'system', purpose: 'processing', inScope: true } as const;

/** A case folded from its stream, with the stored events it was folded from. */
export interface LoadedCase {
  state: CaseState;
  events: RecordedEvent[];
  /** The last revision read, or null when the stream does not exist. */
  revision: number | null;
}

/**
 * Reads a case's stream, opens each event for processing and folds it; with `until`, stops at the
 * first event that does not pass (a case as it stood on a date).
 */
export async function loadCase(
  store: EventStore,
  sealer: Sealer,
  caseId: string,
  until: (event: RecordedEvent) => boolean = () => true,
): Promise<LoadedCase> {
  let state = initialCaseState;
  const events: RecordedEvent[] = [];
  for await (const stored of store.readStream(`case-${caseId}`)) {
    if (!until(stored)) break;
    state = evolveCase(state, readStoredEvent(await sealer.unsealEvent(stored, PROCESSING)) as CaseEvent);
    events.push(stored);
  }
  return { state, events, revision: events.at(-1)?.revision ?? null };
}
