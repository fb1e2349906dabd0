import { vnDay, vnMonth } from './vnDay.js';

/** The fields of a `deadlines` view document the figure reads (packages/read-models deadlines.ts). */
export interface DeadlineFacts {
  dueDate: string;
  status: 'open' | 'met' | 'missed-recorded' | 'ended';
  late: boolean;
}

/** What became of a deadline, as the figure stacks it. */
export const OUTCOMES = ['onTime', 'late', 'missed', 'notYetDue', 'ended'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One month of due dates: how many of its deadlines ended each way. */
export interface DeadlineMonth {
  /** YYYY-MM in Asia/Ho_Chi_Minh. */
  month: string;
  counts: Record<Outcome, number>;
}

/**
 * A deadline's outcome on `today` (YYYY-MM-DD in Vietnam): an open one whose day has passed is
 * missed even before the clock's sweep records it, so the figure does not wait on the sweep.
 */
export function outcomeOf(d: DeadlineFacts, today: string): Outcome {
  switch (d.status) {
    case 'met':
      return d.late ? 'late' : 'onTime';
    case 'missed-recorded':
      return 'missed';
    case 'open':
      return vnDay(d.dueDate) < today ? 'missed' : 'notYetDue';
    case 'ended':
      return 'ended';
  }
}

const zero = (): Record<Outcome, number> => ({ onTime: 0, late: 0, missed: 0, notYetDue: 0, ended: 0 });

/** Deadlines met over time: per month of due date, oldest first, every deadline counted once. */
export function deadlinesByMonth(deadlines: Iterable<DeadlineFacts>, now: Date): DeadlineMonth[] {
  const today = vnDay(now);
  const months = new Map<string, Record<Outcome, number>>();
  for (const d of deadlines) {
    const month = vnMonth(d.dueDate);
    const counts = months.get(month) ?? zero();
    counts[outcomeOf(d, today)] += 1;
    months.set(month, counts);
  }
  return [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, counts]) => ({ month, counts }));
}
