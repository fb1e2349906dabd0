import type { Condition, Doc, DocumentStore, Page } from '@dacxa/read-models';
import { dayAfter } from './clock.js';

import { findMissedDeadlines } from './missedDeadlines.js';

/** The aggregates whose deadlines the clock marks today. */
export type MarkerKind =
  'task' | 'report' | 'case' | 'dossier' | 'oversight' | 'round' | 'subject-request' | 'breach';

/** What `RecordDeadlineMissed` carries: the duty, its key where the stream has several, the dates. */
export interface MissedDeadlineData {
  rule: string;
  key?: string;
  dueOn: string;
  detectedOn: string;
}

/** A marker the clock owes: which record, which system command, and the deadline it records. */
export interface DueMarker {
  kind: MarkerKind;
  id: string;
  type:
    | 'MarkTaskOverdue'
    | 'MarkReportOverdue'
    | 'MarkReportingDeadlineMissed'
    | 'RecordDeadlineMissed'
    | 'MarkBreachNotificationOverdue';
  dueDate: string;
  /**
   * The first day after the due date (Asia/Ho_Chi_Minh), not the sweep's day: every sweep, re-run
   * or second scheduler sends the identical body, so the idempotency key always matches it.
   */
  data: { detectedOn: string } | MissedDeadlineData | { notifyBy: string };
  /**
   * `deadline:<stream>:<marker>:<dueDate>`, or `deadline:<stream>:<rule>[:<key>]:<dueDate>` for a
   * duty of the rule table: a second send replays the first instead of recording again.
   */
  idempotencyKey: string;
}

/** Where a deadline is read from: a view's collection and the condition of an unmarked, passed one. */
interface DeadlineSource {
  kind: MarkerKind;
  type: Exclude<DueMarker['type'], 'RecordDeadlineMissed' | 'MarkBreachNotificationOverdue'>;
  projection: string;
  collection: string;
  stream: (id: string) => string;
  where: (today: string) => Record<string, Condition>;
  dueOf: (doc: Doc) => unknown;
}

/** The deadlines with a marker of their own (docs/deadlines.md); the rule table's duties are read from `deadlines`. */
export const DEADLINE_SOURCES: readonly DeadlineSource[] = [
  {
    // Plan tasks (KH 13/KH-UBND IV): open ASSIGN tasks past their due date; REQUEST tasks are awaited.
    kind: 'task',
    type: 'MarkTaskOverdue',
    projection: 'tasks',
    collection: 'tasks',
    stream: (id) => `task-${id}`,
    where: (today) => ({ deadlineStatus: 'open', dueOn: { lt: today } }),
    dueOf: (doc) => doc.dueOn,
  },
  {
    // Reports upward (TT10 5; round reports): requested or returned, not yet marked, past due.
    kind: 'report',
    type: 'MarkReportOverdue',
    projection: 'reports',
    collection: 'reports',
    stream: (id) => `report-${id}`,
    where: (today) => ({ overdue: false, dueOn: { lt: today } }),
    dueOf: (doc) => doc.dueOn,
  },
  {
    // Reporting in with the certificate (TT10 9(2)): an expected person past the report-by date.
    kind: 'case',
    type: 'MarkReportingDeadlineMissed',
    projection: 'case-files',
    collection: 'case_files',
    stream: (id) => `case-${id}`,
    where: (today) => ({ status: 'expected', reportingDeadlineMissed: false, reportBy: { lt: today } }),
    dueOf: (doc) => doc.reportBy,
  },
];

/** The physical collection a view is read from now (blue/green generations). */
export type CollectionOf = (projection: string, collection: string) => string;

const PAGE = 500;

/** The views a sweep reads, which it waits for to catch up first. */
export const SWEPT_VIEWS: readonly string[] = [
  ...new Set([...DEADLINE_SOURCES.map((s) => s.projection), 'deadlines', 'breaches']),
];

/**
 * Breaches whose 72-hour notice is still owed past its instant (Law 91/2025; Decree 356/2025
 * Art. 23): counted in clock hours, so compared as instants, not days. The body is the due
 * instant itself, the same on every run.
 */
async function findBreachMarkers(
  documents: DocumentStore,
  collectionOf: CollectionOf,
  now: Date,
): Promise<DueMarker[]> {
  const collection = collectionOf('breaches', 'breaches');
  const due: DueMarker[] = [];
  let cursor: string | null = null;
  do {
    const page: Page = await documents.find(collection, {
      where: { overdue: false, dueAt: { lt: now.toISOString() } },
      limit: PAGE,
      ...(cursor ? { cursor } : {}),
    });
    for (const { id, doc } of page.items) {
      const notifyBy = doc.dueAt;
      if (typeof notifyBy !== 'string') continue;
      due.push({
        kind: 'breach',
        id,
        type: 'MarkBreachNotificationOverdue',
        dueDate: notifyBy,
        data: { notifyBy },
        idempotencyKey: `deadline:breach-${id}:MarkBreachNotificationOverdue:${notifyBy}`,
      });
    }
    cursor = page.next;
  } while (cursor);
  return due;
}

/** Every marker owed as of `today` (YYYY-MM-DD, Asia/Ho_Chi_Minh), read from the views. */
export async function findDueMarkers(
  documents: DocumentStore,
  collectionOf: CollectionOf,
  today: string,
  now?: Date,
): Promise<DueMarker[]> {
  const due: DueMarker[] = [];
  for (const source of DEADLINE_SOURCES) {
    const collection = collectionOf(source.projection, source.collection);
    let cursor: string | null = null;
    do {
      const page: Page = await documents.find(collection, {
        where: source.where(today),
        limit: PAGE,
        ...(cursor ? { cursor } : {}),
      });
      for (const { id, doc } of page.items) {
        const dueDate = source.dueOf(doc);
        if (typeof dueDate !== 'string' || dueDate >= today) continue;
        due.push({
          kind: source.kind,
          id,
          type: source.type,
          dueDate,
          data: { detectedOn: dayAfter(dueDate) },
          idempotencyKey: `deadline:${source.stream(id)}:${source.type}:${dueDate}`,
        });
      }
      cursor = page.next;
    } while (cursor);
  }
  return [
    ...due,
    ...(await findMissedDeadlines(documents, collectionOf, today)),
    ...(now ? await findBreachMarkers(documents, collectionOf, now) : []),
  ];
}
