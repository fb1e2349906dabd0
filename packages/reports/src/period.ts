import { ReportError } from './errors.js';

/** The reporting periods of TT 10/2024 Art. 5: quarter, six months, year. */
export type PeriodKind = 'quarter' | 'half' | 'year';

/** A period as asked (`2025-Q3`, `2025-H1`, `2025`), with its first and last local day. */
export interface Period {
  code: string;
  kind: PeriodKind;
  from: string;
  to: string;
  /** As the report's title writes it: "quý III năm 2025", "6 tháng đầu năm 2025", "năm 2025". */
  label: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function span(year: number, firstMonth: number, months: number): { from: string; to: string } {
  const last = firstMonth + months - 1;
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}

/** Parses a period code; refuses anything else with ERR_BAD_PERIOD. */
export function parsePeriod(code: string): Period {
  const match = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/.exec(code);
  const year = Number(match?.[1]);
  if (!match || year < 2000 || year > 2100)
    throw new ReportError(
      'ERR_BAD_PERIOD',
      `Kỳ báo cáo không hợp lệ: ${code.slice(0, 40)} (dạng 2025-Q3, 2025-H1 hoặc 2025)`,
      'period must be YYYY-Qn, YYYY-H1|H2 or YYYY',
    );
  const part = match[2];
  if (part === undefined) return { code, kind: 'year', ...span(year, 1, 12), label: `năm ${year}` };
  const n = Number(part.slice(1));
  if (part.startsWith('Q'))
    return { code, kind: 'quarter', ...span(year, 3 * n - 2, 3), label: `quý ${ROMAN[n - 1]} năm ${year}` };
  const half = n === 1 ? 'đầu' : 'cuối';
  return { code, kind: 'half', ...span(year, 6 * n - 5, 6), label: `6 tháng ${half} năm ${year}` };
}

/** The latest period of `kind` that ended before `today` (a local `yyyy-mm-dd`). */
export function latestCompletePeriod(kind: PeriodKind, today: string): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (kind === 'year') return parsePeriod(String(year - 1));
  const size = kind === 'quarter' ? 3 : 6;
  const current = Math.floor((month - 1) / size);
  const index = current === 0 ? 12 / size : current;
  const y = current === 0 ? year - 1 : year;
  return parsePeriod(`${y}-${kind === 'quarter' ? 'Q' : 'H'}${index}`);
}
