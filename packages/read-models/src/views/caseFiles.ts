import type { RecordedEvent } from '@dacxa/event-store';
import { BUILT_IN_CALENDAR, deadlineFactsOf, type HolidayCalendar } from '@dacxa/domain';
import type { Projection, ReadDoc, Route, Target } from '../engine/projection.js';
import { calendarCopyTarget, calendarFor, foldPublication, isPublication } from './calendarCopy.js';
import { rederive, withDueFacts, type CaseDeadlineFields, type DueField } from './caseFileDeadlines.js';

/** One reintegration case as the commune and the dashboards read it. Personal values stay sealed. */
export interface CaseFileDoc extends CaseDeadlineFields {
  [key: string]: unknown;
  caseId: string;
  personId: string;
  /** Sealed as recorded; opened per reader by the protection layer. */
  person: unknown;
  communeCode: string;
  /** The village of the residence, as addresses name it: a village head reads that village's cases. */
  village: string | null;
  /** The user id or unit code of the assigned supervisor, who reads only the cases assigned to them. */
  supervisorRef: string | null;
  source: 'EXPIRY' | 'AMNESTY';
  status: 'expected' | 'received' | 'supervised' | 'transferredOut' | 'closed';
  residence: 'PENDING' | 'VERIFIED' | 'MISMATCH';
  verifyBy: string | null;
  reportBy: string | null;
  reportedOn: string | null;
  fileDueBy: string | null;
  fileOpenedOn: string | null;
  supervisorDueBy: string | null;
  supervisor: unknown;
  group: 'A' | 'B' | 'C' | 'D' | null;
  detained: boolean;
  visits: number;
  lastVisitOn: string | null;
  violations: number;
  supports: string[];
  employed: boolean;
  loans: Record<string, string>;
  toCommune: string | null;
  closedReason: string | null;
  closedOn: string | null;
  /** The amnesty round that freed the person, for reoffending per round. */
  roundId: string | null;
  releaseDate: string;
  reoffended: boolean;
  reoffendedOn: string | null;
  /** Support outcomes, counted per commune. */
  idCardIssued: boolean;
  residenceRegistered: boolean;
  trainingEnrolled: boolean;
  trainingCompleted: boolean;
  jobReferrals: number;
  /** The last quarter the supervisor reported (`YYYY-Qn`): a board asks which are behind. */
  lastQuarterReported: string | null;
  /** The clock recorded that the person did not report in by `reportBy` (ReportingDeadlineMissed). */
  reportingDeadlineMissed: boolean;
  /** The earliest deadline still open (residence check, reporting in, file, supervisor proposal): boards sort on it. */
  dueOn: string | null;
  /** Which deadline `dueOn` is. */
  dueKind: 'verify-residence' | 'report-in' | 'open-file' | 'propose-supervisor' | null;
  /** Whether `dueOn` rests on a provisional year of the calendar (2027 today): shown as provisional. */
  provisional: boolean;
}

const FIELD_OF: Record<NonNullable<CaseFileDoc['dueKind']>, DueField | null> = {
  'verify-residence': 'verifyBy',
  'report-in': null,
  'open-file': 'fileDueBy',
  'propose-supervisor': 'supervisorDueBy',
};

/** The computed deadlines still open on a case: what an amended calendar recomputes. */
function openFields(doc: CaseFileDoc): DueField[] {
  if (doc.status === 'expected') return doc.residence === 'PENDING' ? ['verifyBy'] : [];
  if (doc.status !== 'received' && doc.status !== 'supervised') return [];
  return [
    ...(doc.fileOpenedOn === null ? (['fileDueBy'] as const) : []),
    ...(doc.supervisorRef === null ? (['supervisorDueBy'] as const) : []),
  ];
}

/** The deadlines still open on a case, earliest first (DOMAIN.md §4.3; quarterly reports are not here yet). */
function withDeadline(doc: CaseFileDoc): CaseFileDoc {
  const open: Array<[NonNullable<CaseFileDoc['dueKind']>, string | null]> =
    doc.status === 'expected'
      ? [
          ['verify-residence', doc.residence === 'PENDING' ? doc.verifyBy : null],
          ['report-in', doc.reportBy],
        ]
      : doc.status === 'received' || doc.status === 'supervised'
        ? [
            ['open-file', doc.fileOpenedOn === null ? doc.fileDueBy : null],
            ['propose-supervisor', doc.supervisorRef === null ? doc.supervisorDueBy : null],
          ]
        : [];
  const first = open
    .filter((entry): entry is [NonNullable<CaseFileDoc['dueKind']>, string] => entry[1] !== null)
    .sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))[0];
  const field = first ? FIELD_OF[first[0]] : null;
  return {
    ...doc,
    dueOn: first?.[1] ?? null,
    dueKind: first?.[0] ?? null,
    provisional: field ? doc.dueProvisional[field] === true : false,
  };
}

type D = Record<string, unknown>;
const data = (event: RecordedEvent): D => event.data as D;

const villageOf = (d: D): string | null =>
  ((d.address ?? d.residence) as { village?: string } | undefined)?.village ?? null;

function opened(event: RecordedEvent): CaseFileDoc {
  const d = data(event);
  const person = d.person as { personId: string };
  const received = event.type !== 'ReleaseNoticeReceived';
  return {
    caseId: String(d.caseId),
    personId: person.personId,
    person,
    communeCode: String(d.communeCode),
    village: villageOf(d),
    supervisorRef: null,
    source: d.source as CaseFileDoc['source'],
    status: received ? 'received' : 'expected',
    residence: received ? 'VERIFIED' : 'PENDING',
    verifyBy: (d.verifyBy as string | undefined) ?? null,
    reportBy: (d.reportBy as string | undefined) ?? null,
    reportedOn: ((d.reportedOn ?? d.receivedOn) as string | undefined) ?? null,
    fileDueBy: ((d.fileDueBy ?? d.continueBy) as string | undefined) ?? null,
    fileOpenedOn: null,
    supervisorDueBy: ((d.supervisorDueBy ?? d.continueBy) as string | undefined) ?? null,
    supervisor: null,
    group: null,
    detained: false,
    visits: 0,
    lastVisitOn: null,
    violations: 0,
    supports: [],
    employed: false,
    loans: {},
    toCommune: null,
    closedReason: null,
    closedOn: null,
    roundId: (d.roundId as string | undefined) ?? null,
    releaseDate: String(d.releaseDate),
    reoffended: false,
    reoffendedOn: null,
    idCardIssued: false,
    residenceRegistered: false,
    trainingEnrolled: false,
    trainingCompleted: false,
    jobReferrals: 0,
    lastQuarterReported: null,
    reportingDeadlineMissed: false,
    dueOn: null,
    dueKind: null,
    provisional: false,
    dueFacts: {},
    dueProvisional: {},
  };
}

const SUPPORTS = new Set([
  'CounsellingProvided',
  'ResidenceRegistered',
  'IdentityCardIssued',
  'CivilStatusRegistered',
  'CriminalRecordCertificateIssued',
  'VocationalTrainingEnrolled',
  'VocationalTrainingCompleted',
  'JobReferralMade',
  'LivelihoodSupportGiven',
  'SocialAssistanceGranted',
  'ChildProtectionMeasureApplied',
]);
const LOAN_STATUS: Record<string, string> = {
  LoanApplied: 'APPLIED',
  LoanApproved: 'APPROVED',
  LoanRejected: 'REJECTED',
  LoanDisbursed: 'DISBURSED',
  LoanOverdue: 'OVERDUE',
  LoanSettled: 'SETTLED',
};

/** Flags the support outcomes the dashboards count. */
function withSupport(doc: CaseFileDoc, type: string): CaseFileDoc {
  switch (type) {
    case 'IdentityCardIssued':
      return { ...doc, idCardIssued: true };
    case 'ResidenceRegistered':
      return { ...doc, residenceRegistered: true };
    case 'VocationalTrainingEnrolled':
      return { ...doc, trainingEnrolled: true };
    case 'VocationalTrainingCompleted':
      return { ...doc, trainingCompleted: true };
    case 'JobReferralMade':
      return { ...doc, jobReferrals: doc.jobReferrals + 1 };
    default:
      return doc;
  }
}

/**
 * The case file: current stage, deadlines, supervisor, group, supports, loans (DOMAIN.md §5). The
 * computed due dates come from the facts the events record, over `calendar` (the view's copy).
 */
export function evolveCaseFile(
  doc: CaseFileDoc | null,
  event: RecordedEvent,
  calendar: HolidayCalendar = BUILT_IN_CALENDAR,
): CaseFileDoc | null {
  if (doc && isPublication(event)) return withDeadline(rederive(doc, openFields(doc), calendar));
  const next = evolveStage(doc, event);
  return next === null ? null : withDeadline(withDueFacts(next, event, calendar));
}

function evolveStage(doc: CaseFileDoc | null, event: RecordedEvent): CaseFileDoc | null {
  if (
    event.type === 'ReleaseNoticeReceived' ||
    event.type === 'CaseTransferredIn' ||
    event.type === 'ArrivedAtDifferentCommuneAccepted'
  )
    return opened(event);
  if (!doc) return null;
  const d = data(event);
  if (event.type in LOAN_STATUS)
    return { ...doc, loans: { ...doc.loans, [String(d.loanId)]: LOAN_STATUS[event.type] as string } };
  if (SUPPORTS.has(event.type))
    return withSupport({ ...doc, supports: [...doc.supports, event.type] }, event.type);
  switch (event.type) {
    case 'ResidenceVerified':
      return { ...doc, residence: 'VERIFIED', village: villageOf(d) ?? doc.village };
    case 'ResidenceMismatchReported':
      return { ...doc, residence: 'MISMATCH' };
    case 'ReportingDeadlineMissed':
      return { ...doc, reportingDeadlineMissed: true };
    case 'PersonReported':
      return {
        ...doc,
        status: 'received',
        reportedOn: d.reportedOn as string,
        fileDueBy: d.fileDueBy as string,
        supervisorDueBy: d.supervisorDueBy as string,
      };
    case 'ManagementFileOpened':
      return { ...doc, fileOpenedOn: d.openedOn as string };
    case 'SupervisorAssigned':
    case 'SupervisorReplaced':
      return {
        ...doc,
        status: 'supervised',
        supervisor: d.supervisor,
        supervisorRef: (d.supervisor as { ref: string }).ref,
      };
    case 'VisitLogged':
      return { ...doc, visits: doc.visits + 1, lastVisitOn: d.visitedOn as string };
    case 'PersonClassified':
      return { ...doc, group: d.group as CaseFileDoc['group'] };
    case 'ViolationRecorded':
      return { ...doc, violations: doc.violations + 1 };
    case 'PersonDetained':
      return { ...doc, detained: true, group: 'D' };
    case 'PersonReturnedFromDetention':
      return { ...doc, detained: false };
    case 'EmploymentStarted':
      return { ...doc, employed: true, supports: [...doc.supports, event.type] };
    case 'EmploymentEnded':
      return { ...doc, employed: false };
    case 'CaseTransferredOut':
      return { ...doc, status: 'transferredOut', toCommune: d.toCommune as string };
    case 'ReoffenceConvicted':
      return { ...doc, reoffended: true, reoffendedOn: d.startedServingOn as string };
    case 'QuarterlySupervisorReportSubmitted':
      return {
        ...doc,
        lastQuarterReported:
          doc.lastQuarterReported && doc.lastQuarterReported > String(d.quarter)
            ? doc.lastQuarterReported
            : String(d.quarter),
      };
    case 'CaseClosed':
      return { ...doc, status: 'closed', closedReason: d.reason as string, closedOn: d.closedOn as string };
    default:
      return doc;
  }
}

const CALENDAR = 'case_file_calendar';

function route(event: RecordedEvent): readonly Route[] {
  // An amendment recomputes every case with an open deadline, as the store holds them.
  if (isPublication(event))
    return [
      calendarCopyTarget(CALENDAR),
      { collection: 'case_files', where: { dueOn: { gte: '0000-01-01' } } },
    ];
  return event.stream.startsWith('case-') ? [{ collection: 'case_files', id: event.stream.slice(5) }] : [];
}

function evolve(
  doc: CaseFileDoc | null,
  event: RecordedEvent,
  target: Target,
  read: ReadDoc,
): CaseFileDoc | null {
  if (target.collection === CALENDAR) return foldPublication(doc, event) as unknown as CaseFileDoc;
  const opens =
    isPublication(event) || deadlineFactsOf(event.type, event.data as Record<string, unknown>).length > 0;
  return evolveCaseFile(doc, event, opens ? calendarFor(event, read, CALENDAR) : BUILT_IN_CALENDAR);
}

/**
 * Case files. Every board query is scoped to a unit (a commune, or a province's communes), so the
 * unit and identity keys are indexed; dates, stage and group filter the rows within a commune.
 */
export const caseFilesProjection: Projection<CaseFileDoc> = {
  name: 'case-files',
  version: 6, // 6: status indexed (a filter)
  collections: [
    {
      name: 'case_files',
      indexes: ['communeCode', 'personId', 'roundId', 'village', 'supervisorRef', 'dueOn'],
      filters: {
        status: { oneOf: ['expected', 'received', 'supervised', 'transferredOut', 'closed'] },
        personId: 'id',
        roundId: 'id',
      },
    },
    // The view's own copy of the published calendar (its state is in its documents, not in memory).
    { name: CALENDAR, indexes: [] },
  ],
  route,
  reads: (event) =>
    isPublication(event) || deadlineFactsOf(event.type, event.data as Record<string, unknown>).length > 0
      ? [calendarCopyTarget(CALENDAR)]
      : [],
  evolve,
};
