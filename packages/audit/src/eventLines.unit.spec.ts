import { describe, expect, it } from 'vitest';
import { CSV_START, csvLine, csvRecord, vietnamTime } from './eventLines.js';

/** The plain way: shift by seven hours and read the UTC fields. */
const reference = (iso: string) => {
  const t = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 19)}`;
};

describe('events.csv records', () => {
  it('write instants in Vietnam’s time, across days, years, leap days and before 1970', () => {
    const edges = [
      '2025-09-05T02:00:01.234Z',
      '2025-12-31T16:59:59.999Z',
      '2025-12-31T17:00:00.000Z',
      '2024-02-28T17:00:00.000Z',
      '2000-02-29T23:59:59.000Z',
      '1969-12-31T23:59:59.000Z',
      '1900-01-01T00:00:00.000Z',
      '2025-09-05T09:00:00+07:00',
    ];
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const instants = [
      ...edges,
      ...Array.from({ length: 5_000 }, () => new Date(-2e12 + random() * 6e12).toISOString()),
    ];
    for (const iso of instants) expect(vietnamTime(iso), iso).toBe(reference(iso));
    expect(() => vietnamTime('hôm qua')).toThrow(RangeError);
  });

  it('quote exactly the fields RFC 4180 needs quoted, and end each record, the header’s too, in LF', () => {
    expect(CSV_START.startsWith('\uFEFFVị trí,Luồng,')).toBe(true);
    expect(CSV_START).toContain(',"Dữ liệu (JSON, dữ liệu cá nhân đã niêm phong)",');
    expect(csvLine(['a,b', 'q"x', 'l\nx', 'c\rx', ' sp ', '=1+2'])).toBe(
      '"a,b","q""x","l\nx","c\rx", sp ,=1+2\n',
    );
    const record = csvRecord(
      {
        position: 7n,
        stream: 'case-1',
        revision: 2,
        type: 'VisitLogged',
        data: { note: 'nói "chào", rồi đi' },
        metadata: { actor: 'u-1', role: 'supervisor', unit: 'xa-an-khanh' },
        occurredAt: '2025-09-15T02:00:00.000Z',
        recordedAt: '2025-09-15T02:00:00.500Z',
        hash: 'ab'.repeat(32),
      },
      'Thăm, gặp',
    );
    expect(record).toBe(
      `7,case-1,2,VisitLogged,"Thăm, gặp",15/09/2025 09:00:00,15/09/2025 09:00:00,u-1,supervisor,xa-an-khanh,` +
        `"{""note"":""nói \\""chào\\"", rồi đi""}",${'ab'.repeat(32)}\n`,
    );
  });
});
