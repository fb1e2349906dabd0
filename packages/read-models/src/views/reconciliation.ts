import { createHash } from 'node:crypto';
import type { RecordedEvent } from '@dacxa/event-store';
import type { Projection, Route } from '../engine/projection.js';

/** Where one person expected at a commune after an amnesty stands on release day. */
export type ReconciliationOutcome = 'not-yet-seen' | 'on-time' | 'late' | 'elsewhere';

/**
 * One person of a round as release day reconciles them, keyed by round and person id: the
 * petition, the certificate naming the destination commune, the notice that opened the case there
 * (the system's, or the commune's own) and an arrival at another commune all meet here. No names,
 * no personal data: ids, units, dates and the outcome.
 */
export interface ReconciliationDoc {
  [key: string]: unknown;
  /** The document's id, `<roundId>:<personId>`: boards page by it. */
  key: string;
  roundId: string;
  /** The destination commune (the certificate's, else the notice's); null until one names it. */
  communeCode: string | null;
  dossierId: string | null;
  caseId: string | null;
  /** The certificate (số, ký hiệu, ngày), from which the process manager opens the case. */
  certificate: { number: string; date: string } | null;
  /** Its number and date hashed: an arrival elsewhere names the certificate, not the round. */
  certificateKey: string | null;
  issuedOn: string | null;
  reportBy: string | null;
  certificateIssued: boolean;
  /** Whether the destination commune's expected case exists (ReleaseNoticeReceived). */
  noticeReceived: boolean;
  /** Counted on release day: a certificate issued or a notice received. */
  expected: boolean;
  outcome: ReconciliationOutcome;
  /** The commune the person reported in at instead (TT10 9(3)). */
  arrivedAt: string | null;
  /** The clock's marker: not seen by the report-by date (ReportingDeadlineMissed). */
  deadlineMissed: boolean;
  /** Reported here, then sent on to another commune (TT10 15(2)). */
  transferredTo: string | null;
}

const PEOPLE = 'reconciliation';

/** A certificate's number and date hashed, as the certificate and an arrival elsewhere both give them. */
export function certificateKey(ref: { number: string; date: string }): string {
  return createHash('sha256')
    .update(`${ref.number.trim()}\u0000${ref.date}`)
    .digest('base64url')
    .slice(0, 32);
}

const dataOf = (event: RecordedEvent) => event.data as Record<string, unknown>;
const refOf = (value: unknown) => value as { number: string; date: string };
const personIdOf = (d: Record<string, unknown>) => (d.person as { personId: string }).personId;
const personKey = (roundId: unknown, d: Record<string, unknown>) => `${String(roundId)}:${personIdOf(d)}`;

function route(event: RecordedEvent): readonly Route[] {
  const d = dataOf(event);
  switch (event.type) {
    case 'AmnestyPetitionSubmitted':
      return [{ collection: PEOPLE, id: personKey(d.roundId, d) }];
    case 'AmnestyCertificateIssued':
      return [{ collection: PEOPLE, where: { dossierId: event.stream.slice(8) } }];
    case 'ReleaseNoticeReceived':
      return d.source === 'AMNESTY' && typeof d.roundId === 'string'
        ? [{ collection: PEOPLE, id: personKey(d.roundId, d) }]
        : [];
    case 'ArrivedAtDifferentCommuneAccepted':
      return [{ collection: PEOPLE, where: { certificateKey: certificateKey(refOf(d.certificate)) } }];
    case 'PersonReported':
    case 'ReportingDeadlineMissed':
    case 'CaseTransferredOut':
      return [{ collection: PEOPLE, where: { caseId: event.stream.slice(5) } }];
    default:
      return [];
  }
}

const blank = (roundId: string, key: string): ReconciliationDoc => ({
  key,
  roundId,
  communeCode: null,
  dossierId: null,
  caseId: null,
  certificate: null,
  certificateKey: null,
  issuedOn: null,
  reportBy: null,
  certificateIssued: false,
  noticeReceived: false,
  expected: false,
  outcome: 'not-yet-seen',
  arrivedAt: null,
  deadlineMissed: false,
  transferredTo: null,
});

/** What each event changes of one person of a round. */
export function evolveReconciliation(
  doc: ReconciliationDoc | null,
  event: RecordedEvent,
): ReconciliationDoc | null {
  const d = dataOf(event);
  switch (event.type) {
    case 'AmnestyPetitionSubmitted':
      return {
        ...(doc ?? blank(String(d.roundId), personKey(d.roundId, d))),
        dossierId: String(d.dossierId),
      };
    case 'AmnestyCertificateIssued': {
      if (!doc) return null;
      const ref = refOf(d.certificate);
      return {
        ...doc,
        // The commune that opened the case holds it: a notice before the certificate stays where it is.
        communeCode: doc.noticeReceived ? doc.communeCode : String(d.destinationCommune),
        certificate: { number: ref.number, date: ref.date },
        certificateKey: certificateKey(ref),
        issuedOn: String(d.issuedOn),
        reportBy: doc.reportBy ?? String(d.reportToCommuneBy),
        certificateIssued: true,
        expected: true,
      };
    }
    case 'ReleaseNoticeReceived':
      return {
        ...(doc ?? blank(String(d.roundId), personKey(d.roundId, d))),
        communeCode: String(d.communeCode),
        caseId: String(d.caseId),
        reportBy: typeof d.reportBy === 'string' ? d.reportBy : (doc?.reportBy ?? null),
        noticeReceived: true,
        expected: true,
      };
    case 'PersonReported':
      return doc && { ...doc, outcome: d.late === true ? 'late' : 'on-time' };
    case 'ArrivedAtDifferentCommuneAccepted':
      return doc && { ...doc, outcome: 'elsewhere', arrivedAt: String(d.communeCode) };
    case 'ReportingDeadlineMissed':
      return doc && { ...doc, deadlineMissed: true };
    case 'CaseTransferredOut':
      return doc && { ...doc, transferredTo: String(d.toCommune) };
    default:
      return doc;
  }
}

/** Release-day reconciliation (issue 14): each expected person's outcome, counted by `summariseReconciliation`. */
export const reconciliationProjection: Projection<ReconciliationDoc> = {
  name: 'reconciliation',
  version: 1,
  collections: [
    {
      name: PEOPLE,
      indexes: [
        'key',
        'roundId',
        'communeCode',
        'dossierId',
        'caseId',
        'certificateKey',
        'certificateIssued',
        'noticeReceived',
        'expected',
        'outcome',
      ],
      filters: {
        roundId: 'id',
        outcome: { oneOf: ['not-yet-seen', 'on-time', 'late', 'elsewhere'] },
        noticeReceived: 'boolean',
      },
    },
  ],
  route,
  evolve: (doc, event) => evolveReconciliation(doc, event),
};

/** The release-day counts of a commune or a province in a round. */
export interface ReconciliationCounts {
  expected: number;
  noticeReceived: number;
  reportedOnTime: number;
  reportedLate: number;
  arrivedElsewhere: number;
  transferredOut: number;
  notYetSeen: number;
  /** Not yet seen and past the report-by date as of the day asked (TT10 9(2)). */
  overdue: number;
  /** Not yet seen and marked by the clock (ReportingDeadlineMissed). */
  deadlineMarked: number;
}

const zero = (): ReconciliationCounts => ({
  expected: 0,
  noticeReceived: 0,
  reportedOnTime: 0,
  reportedLate: 0,
  arrivedElsewhere: 0,
  transferredOut: 0,
  notYetSeen: 0,
  overdue: 0,
  deadlineMarked: 0,
});

function add(counts: ReconciliationCounts, doc: ReconciliationDoc, today: string): void {
  counts.expected++;
  if (doc.noticeReceived) counts.noticeReceived++;
  if (doc.outcome === 'on-time') counts.reportedOnTime++;
  if (doc.outcome === 'late') counts.reportedLate++;
  if (doc.outcome === 'elsewhere') counts.arrivedElsewhere++;
  if (doc.transferredTo !== null) counts.transferredOut++;
  if (doc.outcome !== 'not-yet-seen') return;
  counts.notYetSeen++;
  if (doc.reportBy !== null && doc.reportBy < today) counts.overdue++;
  if (doc.deadlineMissed) counts.deadlineMarked++;
}

/**
 * The counts per (round, commune) and their roll-up per (round, province), as of `today`: computed
 * from the expected people at read time, so `overdue` is always current without new events.
 */
export function summariseReconciliation(
  docs: Iterable<ReconciliationDoc>,
  today: string,
  provinceOf: (commune: string) => string | null,
) {
  const communes = new Map<
    string,
    { roundId: string; communeCode: string; province: string | null } & ReconciliationCounts
  >();
  for (const doc of docs) {
    if (!doc.expected || doc.communeCode === null) continue;
    const key = `${doc.roundId}\u0000${doc.communeCode}`;
    let row = communes.get(key);
    if (!row) {
      row = {
        roundId: doc.roundId,
        communeCode: doc.communeCode,
        province: provinceOf(doc.communeCode),
        ...zero(),
      };
      communes.set(key, row);
    }
    add(row, doc, today);
  }
  const provinces = new Map<
    string,
    { roundId: string; province: string | null; communes: number } & ReconciliationCounts
  >();
  for (const row of communes.values()) {
    const key = `${row.roundId}\u0000${row.province ?? ''}`;
    let sum = provinces.get(key);
    if (!sum)
      provinces.set(key, (sum = { roundId: row.roundId, province: row.province, communes: 0, ...zero() }));
    sum.communes++;
    for (const field of Object.keys(zero()) as (keyof ReconciliationCounts)[]) sum[field] += row[field];
  }
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    communes: [...communes.values()].sort((a, b) =>
      order(a.roundId + a.communeCode, b.roundId + b.communeCode),
    ),
    provinces: [...provinces.values()].sort((a, b) =>
      order(a.roundId + (a.province ?? ''), b.roundId + (b.province ?? '')),
    ),
  };
}
