/** The report kinds: id, title, legal basis, published form vs our layout, periods, how each is computed. */
export { REPORTS, type ReportData, type ReportDefinition } from './definitions.js';
/** Computes and renders one report at a log position. */
export {
  generateReport,
  reportDefinition,
  type GenerateOptions,
  type GeneratedReport,
  type ReportFormat,
} from './generateReport.js';
/** HCD-13 (TT 10/2024): its figures, computed from the log. */
export { computeHcd13, type Hcd13Data, type ReportRequest } from './hcd13.js';
/** The figures HCD-13 counts for one area. */
export type { Hcd13Figures } from './hcd13Figures.js';
/** The commune's report on carrying out its amnesty plan (plan 13/KH-UBND, section IV). */
export { computeKeHoach13, type KeHoach13Data, type PlanResult } from './keHoach13.js';
/** Reporting periods: quarter, six months, year. */
export { latestCompletePeriod, parsePeriod, type Period, type PeriodKind } from './period.js';
/** The typed refusals of a report, with stable codes. */
export { ReportError, type ReportErrorCode } from './errors.js';
/** The position a report is computed at, and the bounded scan of the log. */
export { resolvePosition, scanLog, type ScanProgress } from './scanLog.js';
/** The organisation tree as the log had it at a position: the widest unit, the areas a unit covers. */
export { areasOf, createTreeFold, widestUnit } from './unitTree.js';
/** The document model both renderers take, and the renderers. */
export type { ReportDocument, ReportTable, Signer } from './document.js';
export { renderDocx } from './renderDocx.js';
export { renderXlsx } from './renderXlsx.js';
/** Vietnamese number and date formats (1.234; 05/09/2025; "ngày 05 tháng 9 năm 2025"). */
export { dateInWords, formatDate, formatNumber, vietnamTime } from './vnFormat.js';
/** The parts of a generated file read back, to check its figures and stamp. */
export { readZipParts } from './readZip.js';
