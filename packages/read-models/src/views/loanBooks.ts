import type { RecordedEvent } from '@dacxa/event-store';
import type { Projection } from '../engine/projection.js';

interface Loan {
  loanId: string;
  purpose: string;
  status: string;
  requestedVnd: number;
  approvedVnd: number;
  disbursedVnd: number;
  repaidVnd: number;
}

/** A case's loans under QĐ 22/2023, and when its five-year window closes. */
export interface LoanBookDoc {
  [key: string]: unknown;
  caseId: string;
  communeCode: string;
  /** The certificate date (or the release date until the person reports in). */
  windowStart: string;
  windowEndsOn: string;
  loans: Loan[];
  hasLoan: boolean;
  disbursedVnd: number;
  outstandingVnd: number;
  hasOverdue: boolean;
}

const OPENING = new Set(['ReleaseNoticeReceived', 'CaseTransferredIn', 'ArrivedAtDifferentCommuneAccepted']);
const ROUTED = new Set([
  ...OPENING,
  'PersonReported',
  'LoanApplied',
  'LoanApproved',
  'LoanRejected',
  'LoanDisbursed',
  'LoanRepaymentRecorded',
  'LoanOverdue',
  'LoanSettled',
]);
const fiveYearsAfter = (date: string): string => `${Number(date.slice(0, 4)) + 5}${date.slice(4)}`;

function totals(doc: LoanBookDoc, loans: Loan[]): LoanBookDoc {
  const live = loans.filter((l) => l.status !== 'SETTLED' && l.status !== 'REJECTED');
  return {
    ...doc,
    loans,
    hasLoan: loans.length > 0,
    disbursedVnd: loans.reduce((sum, l) => sum + l.disbursedVnd, 0),
    outstandingVnd: live.reduce((sum, l) => sum + Math.max(0, l.disbursedVnd - l.repaidVnd), 0),
    hasOverdue: loans.some((l) => l.status === 'OVERDUE'),
  };
}

/** Loans under QĐ 22/2023 (DOMAIN.md §5.8). */
export function evolveLoanBook(doc: LoanBookDoc | null, event: RecordedEvent): LoanBookDoc | null {
  const d = event.data as Record<string, unknown>;
  if (OPENING.has(event.type)) {
    const start = String(d.releaseDate);
    return {
      caseId: String(d.caseId),
      communeCode: String(d.communeCode),
      windowStart: start,
      windowEndsOn: fiveYearsAfter(start),
      loans: [],
      hasLoan: false,
      disbursedVnd: 0,
      outstandingVnd: 0,
      hasOverdue: false,
    };
  }
  if (!doc) return null;
  if (event.type === 'PersonReported') {
    const start = (d.certificate as { date: string }).date;
    return { ...doc, windowStart: start, windowEndsOn: fiveYearsAfter(start) };
  }
  const id = String(d.loanId);
  if (event.type === 'LoanApplied') {
    return totals(doc, [
      ...doc.loans,
      {
        loanId: id,
        purpose: String(d.purpose),
        status: 'APPLIED',
        requestedVnd: Number(d.amountRequested),
        approvedVnd: 0,
        disbursedVnd: 0,
        repaidVnd: 0,
      },
    ]);
  }
  const change = (update: (loan: Loan) => Loan): LoanBookDoc =>
    totals(
      doc,
      doc.loans.map((l) => (l.loanId === id ? update(l) : l)),
    );
  switch (event.type) {
    case 'LoanApproved':
      return change((l) => ({ ...l, status: 'APPROVED', approvedVnd: Number(d.amount) }));
    case 'LoanRejected':
      return change((l) => ({ ...l, status: 'REJECTED' }));
    case 'LoanDisbursed':
      return change((l) => ({ ...l, status: 'DISBURSED', disbursedVnd: l.disbursedVnd + Number(d.amount) }));
    case 'LoanRepaymentRecorded':
      return change((l) => ({ ...l, repaidVnd: l.repaidVnd + Number(d.amount) }));
    case 'LoanOverdue':
      return change((l) => ({ ...l, status: 'OVERDUE' }));
    case 'LoanSettled':
      return change((l) => ({ ...l, status: 'SETTLED' }));
    default:
      return doc;
  }
}

export const loanBooksProjection: Projection<LoanBookDoc> = {
  name: 'loan-books',
  version: 2, // 2: hasLoan indexed (a filter)
  collections: [{ name: 'loan_books', indexes: ['communeCode'], filters: { hasLoan: 'boolean' } }],
  route: (event) =>
    event.stream.startsWith('case-') && ROUTED.has(event.type)
      ? [{ collection: 'loan_books', id: event.stream.slice(5) }]
      : [],
  evolve: (doc, event) => evolveLoanBook(doc, event),
};
