import type { EventStore, RecordedEvent } from '@dacxa/event-store';
import { descendantsAt } from '@dacxa/domain';
import { evolveReport, evolveTask, unitRoot, type ReportDoc, type TaskDoc } from '@dacxa/read-models';
import { eventDate } from './eventDate.js';
import type { ReportRequest } from './caseFold.js';
import {
  owedState,
  summarise,
  taskState,
  type PlanSummary,
  type ReportRow,
  type TaskRow,
} from './keHoach13Rows.js';
import type { Period } from './period.js';
import { scanLog, type ScanProgress } from './scanLog.js';
import { createTreeFold, unitInfo, type UnitInfo } from './unitTree.js';

/** One plan issued in the unit, with its tasks and the reports it asked for, as they stood at the period's end. */
export interface PlanResult {
  planId: string;
  number: string;
  date: string;
  title: string;
  issuerName: string;
  channelName: string;
  reportDue: string;
  tasks: TaskRow[];
  reports: ReportRow[];
  summary: PlanSummary;
}

/** The report on carrying out the unit's amnesty plans (plan 13/KH-UBND, section IV). No names of people. */
export interface KeHoach13Data {
  report: 'ke-hoach-13-muc-iv';
  unit: UnitInfo;
  period: Period;
  position: string;
  plans: PlanResult[];
}

interface PlanIssued {
  planId: string;
  plan: { number: string; date: string };
  title: string;
  issuerUnit: string;
  reportChannel: string;
  reportDue: string;
}

/** Folds plan, task and report streams (the tracker's own evolve functions) up to `at` and the period's end. */
export async function computeKeHoach13(
  store: EventStore,
  request: ReportRequest,
  onProgress?: (progress: ScanProgress) => void,
): Promise<KeHoach13Data> {
  const { period, at } = request;
  const plans = new Map<string, PlanIssued>();
  const tasks = new Map<string, TaskDoc>();
  const reports = new Map<string, ReportDoc & { planId?: string }>();
  const tree = createTreeFold();
  const visit = (event: RecordedEvent) => {
    tree.visit(event);
    if (eventDate(event) > period.to) return;
    const key = event.stream;
    if (key.startsWith('plan-') && event.type === 'ImplementationPlanIssued')
      plans.set(key.slice(5), event.data as unknown as PlanIssued);
    else if (key.startsWith('task-')) keep(tasks, key, evolveTask(tasks.get(key) ?? null, event));
    else if (key.startsWith('report-')) {
      const planId = (event.data as { planId?: string }).planId;
      const next = evolveReport(reports.get(key) ?? null, event);
      const earlier = reports.get(key)?.planId;
      keep(reports, key, next && { ...next, ...((planId ?? earlier) ? { planId: planId ?? earlier } : {}) });
    }
  };
  await scanLog(store, at, visit, onProgress);
  const unit = unitInfo(tree.tree, request.unit, period.to);
  const inUnit = new Set([request.unit, ...descendantsAt(tree.tree, request.unit, period.to)]);
  const nameOf = (code: string) => {
    try {
      return unitInfo(tree.tree, code, period.to).name;
    } catch {
      return code;
    }
  };
  const results = [...plans.values()]
    .filter((plan) => inUnit.has(unitRoot(plan.issuerUnit)) || inUnit.has(plan.issuerUnit))
    .sort((a, b) =>
      a.plan.date < b.plan.date ? -1 : a.plan.date > b.plan.date ? 1 : a.planId < b.planId ? -1 : 1,
    )
    .map((plan) => planResult(plan, [...tasks.values()], [...reports.values()], period, nameOf));
  return { report: 'ke-hoach-13-muc-iv', unit, period, position: at.toString(), plans: results };
}

function keep<D>(map: Map<string, D>, key: string, doc: D | null): void {
  if (doc) map.set(key, doc);
  else map.delete(key);
}

function planResult(
  plan: PlanIssued,
  tasks: readonly TaskDoc[],
  reports: ReadonlyArray<ReportDoc & { planId?: string }>,
  period: Period,
  nameOf: (code: string) => string,
): PlanResult {
  const taskRows: TaskRow[] = tasks
    .filter((t) => t.planId === plan.planId)
    .sort((a, b) => a.group - b.group || (a.taskId < b.taskId ? -1 : 1))
    .map((t) => ({
      group: t.group,
      description: t.description,
      leadUnit: t.leadUnit,
      leadName: nameOf(t.leadUnit),
      requestType: t.requestType,
      dueDate: t.dueDate,
      state: taskState(t, period),
      completedOn: t.completedOn,
      difficulties: t.difficulties,
    }));
  const reportRows: ReportRow[] = reports
    .filter((r) => r.planId === plan.planId)
    .sort((a, b) => (a.reportingUnit < b.reportingUnit ? -1 : a.reportingUnit > b.reportingUnit ? 1 : 0))
    .map((r) => ({
      reportingUnit: r.reportingUnit,
      reportingName: nameOf(r.reportingUnit),
      dueDate: r.dueDate,
      submittedOn: r.submittedOn,
      state: owedState(r, period),
    }));
  return {
    planId: plan.planId,
    number: plan.plan.number,
    date: plan.plan.date,
    title: plan.title,
    issuerName: nameOf(plan.issuerUnit),
    channelName: nameOf(plan.reportChannel),
    reportDue: plan.reportDue,
    tasks: taskRows,
    reports: reportRows,
    summary: summarise(taskRows, reportRows),
  };
}
