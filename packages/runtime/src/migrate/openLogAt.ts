import type { EventStore } from '@dacxa/event-store';
import { getSqliteEventStore } from '@dacxa/event-store-sqlite';

/** Where a log lives: a SQLite file, or an EventStoreDB (KurrentDB) connection string. */
export type LogLocation = { kind: 'sqlite'; file: string } | { kind: 'esdb'; url: string };

/** Opens the log at a location; the EventStoreDB client (gRPC) loads only when one is asked for. */
export async function openLogAt(location: LogLocation, clock?: () => Date): Promise<EventStore> {
  if (location.kind === 'sqlite')
    return getSqliteEventStore({ path: location.file, ...(clock ? { now: clock } : {}) });
  const { getEsdbEventStore } = await import('@dacxa/event-store-esdb');
  return getEsdbEventStore({ connectionString: location.url, ...(clock ? { now: clock } : {}) });
}
