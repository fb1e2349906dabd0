import type { EventStore, Position, RecordedEvent } from '@dacxa/event-store';
import { evolveCaseFile, type CaseFileDoc } from '@dacxa/read-models';
import { eventDate } from './eventDate.js';
import { addFigures, countFlow, countStock, emptyFigures, type Hcd13Figures } from './hcd13Figures.js';
import type { Period } from './period.js';
import { scanLog, type ScanProgress } from './scanLog.js';
import { areasOf, createTreeFold, unitInfo, type UnitInfo } from './unitTree.js';

/** What HCD-13 is computed for: a unit (a commune, or everything under a province), a period, a position. */
export interface ReportRequest {
  unit: string;
  period: Period;
  at: Position;
}

/** HCD-13 as computed: the figures, where and when they were computed; aggregate counts, never names. */
export interface Hcd13Data {
  report: 'hcd-13';
  unit: UnitInfo;
  period: Period;
  /** The log position the figures were computed at (decimal). */
  position: string;
  total: Hcd13Figures;
  /** One row per commune or ward covered, in code order (one row for a commune's own report). */
  byArea: Array<{ code: string; name: string; figures: Hcd13Figures }>;
}

/**
 * Folds the case streams with the case-file view's own evolve (so figures equal the view's), up to
 * `at` and to the period's last day: stock (managed, groups, supervised) as the cases stood at the
 * period's end, flows (received, violations, loans, transfers, closures) dated within the period.
 */
export async function computeHcd13(
  store: EventStore,
  request: ReportRequest,
  onProgress?: (progress: ScanProgress) => void,
): Promise<Hcd13Data> {
  const { period, at } = request;
  const cases = new Map<string, CaseFileDoc>();
  const flows = new Map<string, Hcd13Figures>();
  const tree = createTreeFold();
  const flowOf = (commune: string) => {
    const found = flows.get(commune) ?? emptyFigures();
    flows.set(commune, found);
    return found;
  };
  const visit = (event: RecordedEvent) => {
    tree.visit(event);
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
  const stock = new Map<string, Hcd13Figures>();
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
  return { report: 'hcd-13', unit, period, position: at.toString(), total, byArea };
}
