import type { CaseFileDoc } from '@dacxa/read-models';

/**
 * The case figures of one area (or their sum) for a period: stock at its end, flows within it.
 * HCD-13 and HCD-12 both show them, over their own periods and indicator lists.
 */
export interface CaseFigures {
  /** Under management at the end of the period (received or supervised). */
  managed: number;
  byGroup: { A: number; B: number; C: number; D: number; unclassified: number };
  /** With the one person or organisation assigned to supervise them (TT10 10). */
  supervised: number;
  /** Expected (notice received) and not yet reported in. */
  expected: number;
  /** Release or amnesty notices received within the period (TT10 8(1)). */
  notices: number;
  detainedNow: number;
  employedNow: number;
  received: number;
  transferredIn: number;
  transferredOut: number;
  visits: number;
  violations: number;
  detentions: number;
  reoffended: number;
  loansApplied: number;
  loansApproved: number;
  loanAmountApproved: number;
  loansDisbursed: number;
  loanAmountDisbursed: number;
  closed: number;
  closedByReason: Record<string, number>;
}

/** HCD-13's name for the case figures, kept for the package's callers. */
export type Hcd13Figures = CaseFigures;

/** Figures with nothing counted. */
export function emptyFigures(): CaseFigures {
  return {
    managed: 0,
    byGroup: { A: 0, B: 0, C: 0, D: 0, unclassified: 0 },
    supervised: 0,
    expected: 0,
    notices: 0,
    detainedNow: 0,
    employedNow: 0,
    received: 0,
    transferredIn: 0,
    transferredOut: 0,
    visits: 0,
    violations: 0,
    detentions: 0,
    reoffended: 0,
    loansApplied: 0,
    loansApproved: 0,
    loanAmountApproved: 0,
    loansDisbursed: 0,
    loanAmountDisbursed: 0,
    closed: 0,
    closedByReason: {},
  };
}

type Flow = Exclude<keyof CaseFigures, 'byGroup' | 'closedByReason'>;

/** The event types counted within the period, and the figure each adds one to. */
export const FLOW_OF: Readonly<Record<string, Flow>> = {
  ReleaseNoticeReceived: 'notices',
  PersonReported: 'received',
  CaseTransferredIn: 'transferredIn',
  ArrivedAtDifferentCommuneAccepted: 'received',
  CaseTransferredOut: 'transferredOut',
  VisitLogged: 'visits',
  ViolationRecorded: 'violations',
  PersonDetained: 'detentions',
  ReoffenceConvicted: 'reoffended',
  LoanApplied: 'loansApplied',
  LoanApproved: 'loansApproved',
  LoanDisbursed: 'loansDisbursed',
  CaseClosed: 'closed',
};

/** Adds one event of the period to `figures`. */
export function countFlow(figures: CaseFigures, type: string, data: Record<string, unknown>): void {
  const flow = FLOW_OF[type];
  if (!flow) return;
  figures[flow]++;
  if (type === 'LoanApproved') figures.loanAmountApproved += Number(data.amount ?? 0);
  if (type === 'LoanDisbursed') figures.loanAmountDisbursed += Number(data.amount ?? 0);
  if (type === 'CaseClosed') {
    const reason = String(data.reason);
    figures.closedByReason[reason] = (figures.closedByReason[reason] ?? 0) + 1;
  }
}

/** Adds one case, as it stood at the end of the period, to the stock figures. */
export function countStock(figures: CaseFigures, doc: CaseFileDoc): void {
  if (doc.status === 'expected') figures.expected++;
  if (doc.status !== 'received' && doc.status !== 'supervised') return;
  figures.managed++;
  figures.byGroup[doc.group ?? 'unclassified']++;
  if (doc.status === 'supervised') figures.supervised++;
  if (doc.detained) figures.detainedNow++;
  if (doc.employed) figures.employedNow++;
}

/** The sum of several areas' figures. */
export function addFigures(into: CaseFigures, from: CaseFigures): CaseFigures {
  for (const key of Object.keys(from) as Array<keyof CaseFigures>) {
    if (key === 'byGroup')
      for (const g of ['A', 'B', 'C', 'D', 'unclassified'] as const) into.byGroup[g] += from.byGroup[g];
    else if (key === 'closedByReason')
      for (const [reason, n] of Object.entries(from.closedByReason))
        into.closedByReason[reason] = (into.closedByReason[reason] ?? 0) + n;
    else into[key] += from[key];
  }
  return into;
}
