/** The report kinds: id, title, legal basis, published form vs our layout, periods, how each is computed. */
export { REPORTS, defaultPeriod, type ReportData, type ReportDefinition } from './definitions.js';
/** Computes and renders one report at a log position. */
export {
  generateReport,
  reportDefinition,
  type GenerateOptions,
  type GeneratedReport,
  type ReportFormat,
} from './generateReport.js';
/** What a report is computed for: a unit, a period, a log position. */
export type { ReportRequest } from './caseFold.js';
/** Mẫu 01 (QĐ 22): the monthly loan list, the one report with names, opened for the reader. */
export {
  computeMau01,
  type ListedPerson,
  type Mau01Data,
  type OpenPeople,
  type PersonShown,
} from './mau01.js';
/** HCD-13 (TT 10/2024): its figures, computed from the log. */
export { computeHcd13, type Hcd13Data } from './hcd13.js';
/** HCD-12 (TT 10/2024): the month's statistics, the same fold over a month. */
export { computeHcd12, type Hcd12Data } from './hcd12.js';
/** HCD-09 (TT 10/2024 Art. 12(3)): counts by group per commune for a quarter, no names. */
export { computeHcd09, type GroupListFigures, type Hcd09Data } from './hcd09.js';
/** The case figures HCD-13 and HCD-12 count for one area. */
export type { CaseFigures, Hcd13Figures } from './caseFigures.js';
/** A province's summary of its amnesty rounds of a year: dossiers by facility, released people by commune. */
export { computeRoundSummary, type RoundSummary, type RoundSummaryData } from './roundSummary.js';
/** The commune's report on carrying out its amnesty plan (plan 13/KH-UBND, section IV). */
export { computeKeHoach13, type KeHoach13Data, type PlanResult } from './keHoach13.js';
/** Reporting periods: month, quarter, six months, year. */
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
