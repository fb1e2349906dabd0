/** Figures as Vietnamese documents write them: 1.234 and 12,5. */
export function formatNumber(value: number): string {
  const [whole = '0', fraction] = Math.abs(value).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** A local date `yyyy-mm-dd` as `dd/mm/yyyy`. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The date line of NĐ 30/2020 (Phụ lục I): a day below 10 and the months 1 and 2 take a leading
 * zero, other months do not ("ngày 05 tháng 3 năm 2026").
 */
export function dateInWords(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = String(d).padStart(2, '0');
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `ngày ${day} tháng ${month} năm ${y}`;
}

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** An instant's local date and time in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export function vietnamTime(instant: Date): { date: string; time: string } {
  const local = new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}
