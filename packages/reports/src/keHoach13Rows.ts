import type { ReportDoc, TaskDoc } from '@dacxa/read-models';
import type { Period } from './period.js';

/** How a task stood at the period's end: done (on time or late), overdue, awaited (a request), open. */
export type TaskState = 'done' | 'doneLate' | 'overdue' | 'awaited' | 'open';
/** How a report owed under the plan stood: submitted on time or late, returned, overdue, not yet due. */
export type OwedState = 'onTime' | 'late' | 'returned' | 'overdue' | 'notDue';

export interface TaskRow {
  group: number;
  description: string;
  leadUnit: string;
  leadName: string;
  requestType: 'ASSIGN' | 'REQUEST';
  dueDate: string | null;
  state: TaskState;
  completedOn: string | null;
  difficulties: number;
}

export interface ReportRow {
  reportingUnit: string;
  reportingName: string;
  dueDate: string;
  submittedOn: string | null;
  state: OwedState;
}

/** The counts of section I and II of the report. */
export interface PlanSummary {
  tasks: number;
  done: number;
  doneLate: number;
  overdue: number;
  awaited: number;
  open: number;
  difficulties: number;
  reportsRequested: number;
  reportsSubmitted: number;
  reportsLate: number;
  reportsOwed: number;
}

/**
 * A task at the period's end: a REQUEST to an independent body (court, procuracy, Front) is
 * awaited, never overdue (DOMAIN.md §2d); an ASSIGN task past its due date and not done is overdue.
 */
export function taskState(task: TaskDoc, period: Period): TaskState {
  if (task.status === 'completed') return task.late ? 'doneLate' : 'done';
  if (task.requestType === 'REQUEST') return 'awaited';
  const pastDue = task.dueDate !== null && task.dueDate < period.to;
  return task.deadlineStatus === 'overdue' || pastDue ? 'overdue' : 'open';
}

export function owedState(report: ReportDoc, period: Period): OwedState {
  if (report.status === 'returned') return 'returned';
  if (report.status !== 'requested') return report.late ? 'late' : 'onTime';
  return report.overdue || report.dueDate < period.to ? 'overdue' : 'notDue';
}

export function summarise(tasks: readonly TaskRow[], reports: readonly ReportRow[]): PlanSummary {
  const count = (state: TaskState) => tasks.filter((t) => t.state === state).length;
  const submitted = reports.filter((r) => r.state === 'onTime' || r.state === 'late');
  return {
    tasks: tasks.length,
    done: count('done') + count('doneLate'),
    doneLate: count('doneLate'),
    overdue: count('overdue'),
    awaited: count('awaited'),
    open: count('open'),
    difficulties: tasks.reduce((sum, t) => sum + t.difficulties, 0),
    reportsRequested: reports.length,
    reportsSubmitted: submitted.length,
    reportsLate: reports.filter((r) => r.state === 'late').length,
    reportsOwed: reports.length - submitted.length,
  };
}
