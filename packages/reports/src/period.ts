import { ReportError } from './errors.js';

/** The reporting periods of TT 10/2024 Art. 5: month (HCD-12), quarter, six months, year. */
export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

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
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function span(year: number, firstMonth: number, months: number): { from: string; to: string } {
  const last = firstMonth + months - 1;
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}

const refused = (code: string) =>
  new ReportError(
    'ERR_BAD_PERIOD',
    `Kỳ báo cáo không hợp lệ: ${code.slice(0, 40)} (dạng 2025-09, 2025-Q3, 2025-H1 hoặc 2025)`,
    'period must be YYYY-MM, YYYY-Qn, YYYY-H1|H2 or YYYY',
  );

/** Parses a period code; refuses anything else with ERR_BAD_PERIOD. */
export function parsePeriod(code: string): Period {
  const match = /^(\d{4})(?:-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/.exec(code);
  const year = Number(match?.[1]);
  if (!match || year < 2000 || year > 2100) throw refused(code);
  const part = match[2];
  if (part === undefined) return { code, kind: 'year', ...span(year, 1, 12), label: `năm ${year}` };
  if (/^\d/.test(part)) {
    const month = Number(part);
    return { code, kind: 'month', ...span(year, month, 1), label: `tháng ${month} năm ${year}` };
  }
  const n = Number(part.slice(1));
  if (part.startsWith('Q'))
    return { code, kind: 'quarter', ...span(year, 3 * n - 2, 3), label: `quý ${ROMAN[n - 1]} năm ${year}` };
  const half = n === 1 ? 'đầu' : 'cuối';
  return { code, kind: 'half', ...span(year, 6 * n - 5, 6), label: `6 tháng ${half} năm ${year}` };
}

const MONTHS: Record<Exclude<PeriodKind, 'year'>, { size: number; mark: (i: number) => string }> = {
  month: { size: 1, mark: (i) => pad(i) },
  quarter: { size: 3, mark: (i) => `Q${i}` },
  half: { size: 6, mark: (i) => `H${i}` },
};

/** The latest period of `kind` that ended before `today` (a local `yyyy-mm-dd`). */
export function latestCompletePeriod(kind: PeriodKind, today: string): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (kind === 'year') return parsePeriod(String(year - 1));
  const { size, mark } = MONTHS[kind];
  const current = Math.floor((month - 1) / size);
  const index = current === 0 ? 12 / size : current;
  const y = current === 0 ? year - 1 : year;
  return parsePeriod(`${y}-${mark(index)}`);
}
