import { derivedId } from './derivedId.js';
import type { DocumentStore } from '@dacxa/read-models';
import type { CollectionOf } from './dueMarkers.js';

/** A request the domain's schedule owes (`scheduledRequests` in @dacxa/domain, report/schedule.ts). */
export interface ScheduledRequest {
  key: string;
  template: string;
  period: string;
  reportingUnit: string;
  recipientUnit: string;
  dueDate: string;
  requestedOn: string;
  scheduled: { dueVerified: boolean };
}

/** The schedule as of a day, over the unit tree as the log has it (`systemCommands().schedule`). */
export type ReportScheduleSource = (today: string) => Promise<readonly ScheduledRequest[]>;

/** A report request the clock owes (report/schedule.ts in the domain), as the sweep sends it. */
export interface ScheduledReport {
  kind: 'report';
  id: string;
  type: 'RequestReport';
  data: Omit<ScheduledRequest, 'key'> & { reportId: string };
  /** `schedule:<template>:<commune>:<period>`: a second send replays the first. */
  idempotencyKey: string;
}

/**
 * The report's id from its schedule key: SHA-256 of a fixed prefix and the key, shaped as an RFC
 * 9562 version 8 UUID, so every sweep, restart and second scheduler names the same report.
 */
export function scheduledReportId(key: string): string {
  return derivedId('dacxa:scheduled-report', key);
}

/**
 * The scheduled requests not yet in the `reports` view as of `today`. The view is read first so a
 * sweep over thousands of communes sends only what is new, not a replay of every request.
 */
export async function findScheduledReports(
  schedule: ReportScheduleSource,
  documents: DocumentStore,
  collectionOf: CollectionOf,
  today: string,
): Promise<ScheduledReport[]> {
  const collection = collectionOf('reports', 'reports');
  const owed: ScheduledReport[] = [];
  for (const { key, ...request } of await schedule(today)) {
    const id = scheduledReportId(key);
    if (await documents.get(collection, id)) continue;
    owed.push({
      kind: 'report',
      id,
      type: 'RequestReport',
      data: { reportId: id, ...request },
      idempotencyKey: `schedule:${key}`,
    });
  }
  return owed;
}
