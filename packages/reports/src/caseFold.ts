import type { OrgUnitsState } from '@dacxa/domain';
import type { EventStore, Position, RecordedEvent } from '@dacxa/event-store';
import { evolveCaseFile, type CaseFileDoc } from '@dacxa/read-models';
import { addFigures, countFlow, countStock, emptyFigures, type CaseFigures } from './caseFigures.js';
import { eventDate } from './eventDate.js';
import type { OpenPeople } from './mau01.js';
import type { Period } from './period.js';
import { scanLog, type ScanProgress } from './scanLog.js';
import { areasOf, createTreeFold, unitInfo, type UnitInfo } from './unitTree.js';

/** What a report is computed for: a unit (a commune, or everything under a province), a period, a position. */
export interface ReportRequest {
  unit: string;
  period: Period;
  at: Position;
  /** For a report that names people (Mẫu 01): opens them under the reader's access, logging the read. */
  openPeople?: OpenPeople;
}

/** One commune or ward covered by a report, with its figures. */
export interface AreaFigures {
  code: string;
  name: string;
  figures: CaseFigures;
}

/** The case figures of a request: the unit, one row per area covered (code order), and their total. */
export interface CaseFiguresResult {
  unit: UnitInfo;
  total: CaseFigures;
  byArea: AreaFigures[];
  /** Every case as it stood at the period's end, by case id: for a report that counts more of them. */
  cases: ReadonlyMap<string, CaseFileDoc>;
  /** The tree as the log had it at the position. */
  tree: OrgUnitsState;
}

/**
 * Folds the case streams with the case-file view's own evolve (so figures equal the view's), up to
 * `at` and to the period's last day: stock (managed, groups, supervised) as the cases stood at the
 * period's end, flows (notices, received, violations, loans, transfers, closures) dated within it.
 * HCD-13 and HCD-12 differ only in their periods and in which of these figures they show.
 */
export async function computeCaseFigures(
  store: EventStore,
  request: ReportRequest,
  onProgress?: (progress: ScanProgress) => void,
  observe?: (event: RecordedEvent) => void,
): Promise<CaseFiguresResult> {
  const { period, at } = request;
  const cases = new Map<string, CaseFileDoc>();
  const flows = new Map<string, CaseFigures>();
  const tree = createTreeFold();
  const flowOf = (commune: string) => {
    const found = flows.get(commune) ?? emptyFigures();
    flows.set(commune, found);
    return found;
  };
  const visit = (event: RecordedEvent) => {
    tree.visit(event);
    // Before the period's cut: a report may count acts recorded after the period for it.
    observe?.(event);
    if (!event.stream.startsWith('case-')) return;
    const day = eventDate(event);
    if (day > period.to) return;
    const id = event.stream.slice(5);
    const before = cases.get(id) ?? null;
    const after = evolveCaseFile(before, event);
    if (after) cases.set(id, after);
    else cases.delete(id);
    const holder = before ?? after;
    if (holder && day >= period.from)
      countFlow(flowOf(holder.communeCode), event.type, event.data as Record<string, unknown>);
  };
  await scanLog(store, at, visit, onProgress);
  const unit = unitInfo(tree.tree, request.unit, period.to);
  const areas = areasOf(tree.tree, request.unit, period.to);
  const stock = new Map<string, CaseFigures>();
  for (const doc of cases.values()) {
    const figures = stock.get(doc.communeCode) ?? emptyFigures();
    stock.set(doc.communeCode, figures);
    countStock(figures, doc);
  }
  const byArea = areas.map((code) => ({
    code,
    name: unitInfo(tree.tree, code, period.to).name,
    figures: addFigures(stock.get(code) ?? emptyFigures(), flows.get(code) ?? emptyFigures()),
  }));
  const total = byArea.reduce((sum, row) => addFigures(sum, row.figures), emptyFigures());
  return { unit, total, byArea, cases, tree: tree.tree };
}
