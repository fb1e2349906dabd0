import type { EventStore, RecordedEvent } from '@dacxa/event-store';
import { evolveCaseFile, evolveReport, type ReportDoc } from '@dacxa/read-models';
import { computeCaseFigures, type ReportRequest } from './caseFold.js';
import type { Period } from './period.js';
import type { ScanProgress } from './scanLog.js';
import type { UnitInfo } from './unitTree.js';

type Group = 'A' | 'B' | 'C' | 'D';

/** HCD-09's counts for one area (or their sum): people classified for the quarter, and who was not. */
export interface GroupListFigures {
  classified: Record<Group, number>;
  classifiedTotal: number;
  /** Under management at the quarter's last day. */
  managed: number;
  /** Of those, not classified for the quarter (as the log stood at the position). */
  unclassified: number;
}

/** The unit's own HCD-09 for the quarter, as the report tracker holds it; the log records no counts in it. */
export interface GroupListReport {
  status: ReportDoc['status'];
  dueDate: string;
  submittedOn: string | null;
  late: boolean;
}

export interface Hcd09Area {
  code: string;
  name: string;
  figures: GroupListFigures;
  /** The latest HCD-09 requested of the area for the quarter; null if none was. */
  reported: GroupListReport | null;
}

/** HCD-09 as computed: counts by group per commune, never a list of names. */
export interface Hcd09Data {
  report: 'hcd-09';
  unit: UnitInfo;
  period: Period;
  position: string;
  total: GroupListFigures;
  byArea: Hcd09Area[];
}

const empty = (): GroupListFigures => ({
  classified: { A: 0, B: 0, C: 0, D: 0 },
  classifiedTotal: 0,
  managed: 0,
  unclassified: 0,
});

/** Whether a report request's free-text period names the quarter (`2025-Q3` or "quý III năm 2025"). */
const namesQuarter = (text: string, period: Period) =>
  [period.code, period.label].some((p) => text.trim().toLowerCase() === p.toLowerCase());

/**
 * HCD-09, the quarterly group list of TT 10/2024 Art. 12(3): each case's last PersonClassified for
 * the quarter (recorded whenever, up to the position: the list follows the quarter's HCD-08
 * reports), the cases under management at the quarter's end (the case-file view's own evolve, as
 * HCD-13 folds them), and the area's HCD-09 in the report tracker.
 */
export async function computeHcd09(
  store: EventStore,
  request: ReportRequest,
  onProgress?: (progress: ScanProgress) => void,
): Promise<Hcd09Data> {
  const { period, at } = request;
  const communeOf = new Map<string, string>();
  const groupOf = new Map<string, Group>();
  const reports = new Map<string, ReportDoc>();
  const observe = (event: RecordedEvent) => {
    if (event.stream.startsWith('report-')) {
      const next = evolveReport(reports.get(event.stream) ?? null, event);
      if (next) reports.set(event.stream, next);
      return;
    }
    if (!event.stream.startsWith('case-')) return;
    const id = event.stream.slice(5);
    const opened = communeOf.has(id) ? null : evolveCaseFile(null, event);
    if (opened) communeOf.set(id, opened.communeCode);
    const d = event.data as { group?: Group; quarter?: string };
    if (event.type === 'PersonClassified' && d.quarter === period.code && d.group) groupOf.set(id, d.group);
  };
  const fold = await computeCaseFigures(store, request, onProgress, observe);
  const byCommune = new Map<string, GroupListFigures>();
  const figuresOf = (commune: string) => {
    const found = byCommune.get(commune) ?? empty();
    byCommune.set(commune, found);
    return found;
  };
  for (const [id, group] of groupOf) {
    const figures = figuresOf(communeOf.get(id) ?? '');
    figures.classified[group]++;
    figures.classifiedTotal++;
  }
  for (const [id, doc] of fold.cases) {
    if (doc.status !== 'received' && doc.status !== 'supervised') continue;
    const figures = figuresOf(doc.communeCode);
    figures.managed++;
    if (!groupOf.has(id)) figures.unclassified++;
  }
  const listOf = (code: string): GroupListReport | null => {
    const found = [...reports.values()]
      .filter((r) => r.template === 'HCD-09' && r.scopeUnit === code && namesQuarter(r.period, period))
      .at(-1);
    return found
      ? { status: found.status, dueDate: found.dueDate, submittedOn: found.submittedOn, late: found.late }
      : null;
  };
  const byArea = fold.byArea.map(({ code, name }) => ({
    code,
    name,
    figures: byCommune.get(code) ?? empty(),
    reported: listOf(code),
  }));
  return { report: 'hcd-09', unit: fold.unit, period, position: at.toString(), total: sum(byArea), byArea };
}

function sum(areas: readonly Hcd09Area[]): GroupListFigures {
  const total = empty();
  for (const { figures: f } of areas) {
    for (const g of ['A', 'B', 'C', 'D'] as const) total.classified[g] += f.classified[g];
    total.classifiedTotal += f.classifiedTotal;
    total.managed += f.managed;
    total.unclassified += f.unclassified;
  }
  return total;
}
