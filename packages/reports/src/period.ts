import { periodOf, previousPeriod, reportPeriod, type PeriodKind } from '@dacxa/domain';
import { ReportError } from './errors.js';

export type { PeriodKind };

/** A period as asked (`2025-09`, `2025-Q3`, `2025-H1`, `2025`), with its first and last local day. */
export interface Period {
  code: string;
  kind: PeriodKind;
  from: string;
  to: string;
  /** As the report's title writes it: "tháng 9 năm 2025", "quý III năm 2025", "6 tháng đầu năm 2025", "năm 2025". */
  label: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

const refused = (code: string) =>
  new ReportError(
    'ERR_BAD_PERIOD',
    `Kỳ báo cáo không hợp lệ: ${code.slice(0, 40)} (dạng 2025-09, 2025-Q3, 2025-H1 hoặc 2025)`,
    'period must be YYYY-MM, YYYY-Qn, YYYY-H1|H2 or YYYY',
  );

/** Parses a period code; refuses anything else with ERR_BAD_PERIOD. */
export function parsePeriod(code: string): Period {
  const period = reportPeriod(code);
  if (!period) throw refused(code);
  const year = Number(code.slice(0, 4));
  const n = Number(code.slice(-1));
  const label = {
    year: () => `năm ${year}`,
    month: () => `tháng ${Number(code.slice(5, 7))} năm ${year}`,
    quarter: () => `quý ${ROMAN[n - 1]} năm ${year}`,
    half: () => `6 tháng ${n === 1 ? 'đầu' : 'cuối'} năm ${year}`,
  }[period.kind]();
  return { ...period, label };
}

/** The latest period of `kind` that ended before `today` (a local `yyyy-mm-dd`). */
export function latestCompletePeriod(kind: PeriodKind, today: string): Period {
  const current = reportPeriod(periodOf(kind, today));
  if (!current) throw refused(today);
  return parsePeriod(previousPeriod(current).code);
}
