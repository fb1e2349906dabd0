/** The reporting periods of TT 10/2024 Art. 5: month (HCD-12), quarter, six months, year. */
export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

/** A period by its code (`2025-09`, `2025-Q3`, `2025-H1`, `2025`), with its first and last local day. */
export interface ReportPeriod {
  code: string;
  kind: PeriodKind;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function span(year: number, firstMonth: number, months: number): { from: string; to: string } {
  const last = firstMonth + months - 1;
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}

/** A period code read, or null when it is not one (years 2000–2100). */
export function reportPeriod(code: string): ReportPeriod | null {
  const match = /^(\d{4})(?:-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/.exec(code);
  const year = Number(match?.[1]);
  if (!match || year < 2000 || year > 2100) return null;
  const part = match[2];
  if (part === undefined) return { code, kind: 'year', ...span(year, 1, 12) };
  if (/^\d/.test(part)) return { code, kind: 'month', ...span(year, Number(part), 1) };
  const n = Number(part.slice(1));
  return part.startsWith('Q')
    ? { code, kind: 'quarter', ...span(year, 3 * n - 2, 3) }
    : { code, kind: 'half', ...span(year, 6 * n - 5, 6) };
}

const SIZE: Record<PeriodKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };

/** The code of the period of `kind` that `date` (YYYY-MM-DD) falls in. */
export function periodOf(kind: PeriodKind, date: string): string {
  const year = date.slice(0, 4);
  const index = Math.floor((Number(date.slice(5, 7)) - 1) / SIZE[kind]) + 1;
  switch (kind) {
    case 'month':
      return `${year}-${pad(index)}`;
    case 'quarter':
      return `${year}-Q${index}`;
    case 'half':
      return `${year}-H${index}`;
    case 'year':
      return year;
  }
}

/** The period of the same kind just before this one. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  const day = new Date(`${period.from}T00:00:00Z`);
  day.setUTCDate(0);
  const before = reportPeriod(periodOf(period.kind, day.toISOString().slice(0, 10)));
  if (!before) throw new RangeError(`no period before ${period.code}`);
  return before;
}
