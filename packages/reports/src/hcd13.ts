import type { EventStore } from '@dacxa/event-store';
import type { CaseFigures } from './caseFigures.js';
import { computeCaseFigures, type AreaFigures, type ReportRequest } from './caseFold.js';
import type { Period } from './period.js';
import type { ScanProgress } from './scanLog.js';
import type { UnitInfo } from './unitTree.js';

/** HCD-13 as computed: the figures, where and when they were computed; aggregate counts, never names. */
export interface Hcd13Data {
  report: 'hcd-13';
  unit: UnitInfo;
  period: Period;
  /** The log position the figures were computed at (decimal). */
  position: string;
  total: CaseFigures;
  /** One row per commune or ward covered, in code order (one row for a commune's own report). */
  byArea: AreaFigures[];
}

/** HCD-13 over a quarter, six months or a year: the case figures (see `computeCaseFigures`). */
export async function computeHcd13(
  store: EventStore,
  request: ReportRequest,
  onProgress?: (progress: ScanProgress) => void,
): Promise<Hcd13Data> {
  const { unit, total, byArea } = await computeCaseFigures(store, request, onProgress);
  const { period, at } = request;
  return { report: 'hcd-13', unit, period, position: at.toString(), total, byArea };
}
