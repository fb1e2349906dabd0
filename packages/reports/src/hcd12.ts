import type { EventStore } from '@dacxa/event-store';
import type { CaseFigures } from './caseFigures.js';
import { computeCaseFigures, type AreaFigures, type ReportRequest } from './caseFold.js';
import type { Period } from './period.js';
import type { ScanProgress } from './scanLog.js';
import type { UnitInfo } from './unitTree.js';

/** HCD-12 as computed: a month's statistics per commune and their total; aggregate counts, never names. */
export interface Hcd12Data {
  report: 'hcd-12';
  unit: UnitInfo;
  period: Period;
  /** The log position the figures were computed at (decimal). */
  position: string;
  total: CaseFigures;
  /** One row per commune or ward covered, in code order (one row for a commune's own report). */
  byArea: AreaFigures[];
}

/**
 * HCD-12, the monthly statistics of TT 10/2024 Art. 5: the same fold of the case streams as HCD-13
 * over one month, so a quarter's three HCD-12 flows add up to its HCD-13 flows.
 */
export async function computeHcd12(
  store: EventStore,
  request: ReportRequest,
  onProgress?: (progress: ScanProgress) => void,
): Promise<Hcd12Data> {
  const { unit, total, byArea } = await computeCaseFigures(store, request, onProgress);
  const { period, at } = request;
  return { report: 'hcd-12', unit, period, position: at.toString(), total, byArea };
}
