import type { RecordedEvent } from '@dacxa/event-store';
import type { Projection } from '../engine/projection.js';
import { unitRoot } from './unitRoot.js';

/** A report owed upward, for the compliance board: who owes what to whom, by when, and how late. */
export interface ReportDoc {
  [key: string]: unknown;
  reportId: string;
  template: string;
  period: string;
  reportingUnit: string;
  /** The commune (or higher unit) that owes the report: what a unit's scope selects on. */
  scopeUnit: string;
  recipientUnit: string;
  channelUnit: string | null;
  dueDate: string;
  status: 'requested' | 'submitted' | 'returned' | 'accepted' | 'consolidated';
  submittedOn: string | null;
  late: boolean;
  overdue: boolean;
  submissions: number;
  /** The due date while the report is still owed (requested or returned): what boards filter and sort on. */
  dueOn: string | null;
  /** The day the clock recorded the report overdue (ReportOverdue's `detectedOn`). */
  overdueSince: string | null;
}

const owed = (status: ReportDoc['status']): boolean => status === 'requested' || status === 'returned';

/** Keeps `dueOn` in step with the status: a submitted report owes nothing until it is returned. */
const withDue = (doc: ReportDoc): ReportDoc => ({ ...doc, dueOn: owed(doc.status) ? doc.dueDate : null });

export function evolveReport(doc: ReportDoc | null, event: RecordedEvent): ReportDoc | null {
  const d = event.data as Record<string, unknown>;
  if (event.type === 'ReportRequested') {
    return {
      reportId: String(d.reportId),
      template: String(d.template),
      period: String(d.period),
      reportingUnit: String(d.reportingUnit),
      scopeUnit: unitRoot(String(d.reportingUnit)),
      recipientUnit: String(d.recipientUnit),
      channelUnit: (d.channelUnit as string | undefined) ?? null,
      dueDate: String(d.dueDate),
      status: 'requested',
      submittedOn: null,
      late: false,
      overdue: false,
      submissions: 0,
      dueOn: String(d.dueDate),
      overdueSince: null,
    };
  }
  if (!doc) return null;
  return withDue(evolveOwed(doc, event, d));
}

function evolveOwed(doc: ReportDoc, event: RecordedEvent, d: Record<string, unknown>): ReportDoc {
  switch (event.type) {
    case 'ReportSubmitted':
      return {
        ...doc,
        status: 'submitted',
        submittedOn: d.submittedOn as string,
        late: d.late as boolean,
        submissions: doc.submissions + 1,
      };
    case 'ReportReturned':
      return { ...doc, status: 'returned' };
    case 'ReportAccepted':
      return { ...doc, status: 'accepted' };
    case 'ReportConsolidated':
      return { ...doc, status: 'consolidated' };
    case 'ReportOverdue':
      return { ...doc, overdue: true, overdueSince: d.detectedOn as string };
    default:
      return doc;
  }
}

/** Report compliance by unit (DOMAIN.md §5.11). */
export const reportsProjection: Projection<ReportDoc> = {
  name: 'reports',
  version: 3,
  collections: [
    {
      name: 'reports',
      indexes: ['reportingUnit', 'recipientUnit', 'scopeUnit', 'dueOn'],
      filters: { reportingUnit: 'unit', recipientUnit: 'unit' },
    },
  ],
  route: (event) =>
    event.stream.startsWith('report-') ? [{ collection: 'reports', id: event.stream.slice(7) }] : [],
  evolve: (doc, event) => evolveReport(doc, event),
};
