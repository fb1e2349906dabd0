import { z } from 'zod';
import type { Condition } from '@dacxa/read-models';
import { filtersOf } from './viewFilters.js';
import { CORRECTIONS_VIEW } from './correctionsView.js';
import {
  addWorkingDays,
  held,
  type HolderTag,
  type HolidayCalendar,
  type Holders,
  type RecordKind,
} from '@dacxa/domain';

/**
 * How the access policy reaches a view's documents: the kind of record each document stands for,
 * the holder whose units the query selects (an indexed field), and every holder a document names,
 * which the policy checks document by document.
 */
export interface SingleKindAccess {
  kind: RecordKind;
  tag: HolderTag;
  field: string;
  holders(doc: Record<string, unknown>): Holders;
}

/**
 * How the policy reaches a view whose documents each stand for a record of their own kind (a
 * correction is read as the record it corrects): per kind, the holder tag whose units the query
 * selects, held in `field` as `key(kind, unit)`; then each document against its own kind.
 */
export interface MixedKindAccess {
  kinds: Readonly<Partial<Record<RecordKind, HolderTag>>>;
  key(kind: string, unit: string): string;
  kindOf(doc: Record<string, unknown>): RecordKind | null;
  field: string;
  holders(doc: Record<string, unknown>): Holders;
}

export type ViewAccess = SingleKindAccess | MixedKindAccess;

/** The kind of record a view's document stands for, as the policy decides on it. */
export const documentKind = (access: ViewAccess, doc: Record<string, unknown>): RecordKind | null =>
  'kinds' in access ? access.kindOf(doc) : access.kind;

/** A view as the API serves it: its projection, collection, access, filters and order. */
export interface ViewSpec {
  projection: string;
  collection: string;
  access: ViewAccess;
  /** Query parameters that filter on indexed fields of the same name. */
  filters: z.ZodObject;
  orderBy: string;
  /** Whether its documents carry people's data: each read is then recorded in the access log. */
  personal: boolean;
  /**
   * Views whose documents carry an open deadline (`dueOn`, indexed): the board's deadline filters
   * apply, and `responsible` is the field that names who must act (a unit, or a supervisor).
   */
  deadlines?: { responsible: string };
}

/**
 * The deadline filters of a board (DeadlineFilters): overdue (the open deadline is before today in
 * Asia/Ho_Chi_Minh), due within N days (today … today + N), by responsible unit or person, and
 * sorted by due date. Ranges over the indexed `dueOn`, so always current without new events.
 */
export const DeadlineFilters = z.object({
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe(
      'true: the open deadline (`dueOn`) is before today in Asia/Ho_Chi_Minh; false: today or later. REQUEST tasks are awaited, never overdue',
    ),
  dueWithinDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(366)
    .optional()
    .describe('the open deadline falls between today and today + N working days (0–366)'),
  responsible: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('who must act (the unit or supervisor the view names), inside the caller’s scope'),
  sort: z.enum(['dueOn']).optional().describe('`dueOn`: records with an open deadline, earliest first'),
});

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const maybe = (tag: HolderTag, unit: unknown, name?: unknown): Holders => {
  const code = str(unit);
  if (code === null) return [];
  const village = str(name);
  return [village === null ? held(tag, code) : held(tag, code, village)];
};

/**
 * A case file's holders on a board: its commune, the village of the residence, the supervisor. A
 * board lists a commune's own cases; the commune a case was transferred to continues it in its own
 * case and reads the origin's history by its id.
 */
const caseHolders = (doc: Record<string, unknown>): Holders => [
  ...maybe('commune', doc.communeCode),
  ...(str(doc.village) ? maybe('village', doc.communeCode, doc.village) : []),
  ...maybe('supervisor', doc.supervisorRef),
];
const CASE_ACCESS: ViewAccess = { kind: 'case', tag: 'commune', field: 'communeCode', holders: caseHolders };

/** Every view the API serves, by its name in `/views/:name` and in WebSocket subscriptions. */
export const VIEWS: Record<string, ViewSpec> = {
  'case-files': {
    projection: 'case-files',
    collection: 'case_files',
    access: CASE_ACCESS,
    filters: filtersOf('case-files', 'case_files'),
    orderBy: 'caseId',
    personal: true,
    deadlines: { responsible: 'supervisorRef' },
  },
  tasks: {
    projection: 'tasks',
    collection: 'tasks',
    access: {
      kind: 'task',
      tag: 'lead',
      field: 'leadUnit',
      holders: (doc) => [
        ...maybe('lead', doc.leadUnit),
        ...(Array.isArray(doc.coordinatingUnits)
          ? doc.coordinatingUnits.flatMap((u) => maybe('coordinator', u))
          : []),
      ],
    },
    filters: filtersOf('tasks', 'tasks'),
    orderBy: 'taskId',
    personal: false,
    deadlines: { responsible: 'leadUnit' },
  },
  reports: {
    projection: 'reports',
    collection: 'reports',
    access: {
      kind: 'report',
      tag: 'reporter',
      field: 'reportingUnit',
      holders: (doc) => [
        ...maybe('reporter', doc.reportingUnit),
        ...maybe('recipient', doc.recipientUnit),
        ...maybe('channel', doc.channelUnit),
      ],
    },
    filters: filtersOf('reports', 'reports'),
    orderBy: 'reportId',
    personal: false,
    deadlines: { responsible: 'reportingUnit' },
  },
  // Personal-data breaches and their 72-hour notices: no person in them.
  breaches: {
    projection: 'breaches',
    collection: 'breaches',
    access: {
      kind: 'breach',
      tag: 'unit',
      field: 'controllerUnit',
      holders: (doc) => [...maybe('unit', doc.controllerUnit)],
    },
    filters: filtersOf('breaches', 'breaches'),
    orderBy: 'breachId',
    personal: false,
  },
  oversight: {
    projection: 'oversight',
    collection: 'oversight_recommendations',
    access: {
      kind: 'oversight',
      tag: 'addressee',
      field: 'addresseeUnit',
      holders: (doc) => [...maybe('body', doc.bodyUnit), ...maybe('addressee', doc.addresseeUnit)],
    },
    filters: filtersOf('oversight', 'oversight_recommendations'),
    orderBy: 'recommendationId',
    personal: false,
    deadlines: { responsible: 'addresseeUnit' },
  },
  dossiers: {
    projection: 'dossiers',
    collection: 'dossiers',
    access: {
      kind: 'dossier',
      tag: 'facility',
      field: 'facilityId',
      holders: (doc) => maybe('facility', doc.facilityId),
    },
    filters: filtersOf('dossiers', 'dossiers'),
    orderBy: 'dossierId',
    personal: true,
  },
  // Release-day reconciliation: each expected person of a round at the destination commune, no names;
  // the counts per commune and province are `GET /views/reconciliation/summary` (viewRoutes.ts).
  reconciliation: {
    projection: 'reconciliation',
    collection: 'reconciliation',
    access: CASE_ACCESS,
    filters: filtersOf('reconciliation', 'reconciliation'),
    orderBy: 'key',
    personal: true,
  },
  // A case's deadlines and whether they were met (the statistics page's "deadlines met over time"),
  // read as the case itself is read through the unit that owes them; the other aggregates' deadlines
  // name no holder here, so nobody reads them through this view until the policy says to whom.
  deadlines: {
    projection: 'deadlines',
    collection: 'deadlines',
    access: {
      kind: 'case',
      tag: 'commune',
      field: 'scopeUnit',
      holders: (doc) => (str(doc.rule)?.startsWith('case.') ? maybe('commune', doc.scopeUnit) : []),
    },
    filters: filtersOf('deadlines', 'deadlines'),
    orderBy: 'id',
    personal: false,
  },
  corrections: CORRECTIONS_VIEW,
  'loan-books': {
    projection: 'loan-books',
    collection: 'loan_books',
    access: CASE_ACCESS,
    filters: filtersOf('loan-books', 'loan_books'),
    orderBy: 'caseId',
    personal: true,
  },
};

/** The deadline filters as asked, once parsed. */
export type DeadlineAsk = Partial<z.output<typeof DeadlineFilters>>;

/** The last day within `n` working days of `today` (a year no calendar covers: counted as days). */
function withinWorkingDays(today: string, n: number, calendar: HolidayCalendar): string {
  if (n === 0) return today;
  try {
    return addWorkingDays(today, n, calendar).date;
  } catch {
    return plusDays(today, n);
  }
}

const plusDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The range on `dueOn` a board asks for, as of `today` (YYYY-MM-DD in Asia/Ho_Chi_Minh). Sorting
 * by due date lists the records that have an open deadline, earliest first.
 */
export function dueRange(ask: DeadlineAsk, today: string, calendar?: HolidayCalendar): Condition | undefined {
  const range: { lt?: string; gte?: string; lte?: string } = {};
  if (ask.overdue === true) range.lt = today;
  if (ask.overdue === false) range.gte = today;
  if (ask.dueWithinDays !== undefined) {
    range.gte = today;
    // N working days under the calendar as known today (Tết and swaps counted); without one, days.
    range.lte = calendar
      ? withinWorkingDays(today, ask.dueWithinDays, calendar)
      : plusDays(today, ask.dueWithinDays);
  }
  if (Object.keys(range).length === 0) return ask.sort === 'dueOn' ? { gte: '0000-01-01' } : undefined;
  return range;
}
