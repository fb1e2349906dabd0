import { beforeAll, describe, expect, it } from 'vitest';
import type { EventStore, RecordedEvent } from '@dacxa/event-store';
import { computeHcd12 } from './hcd12.js';
import { computeHcd13 } from './hcd13.js';
import { parsePeriod } from './period.js';
import { formatNumber } from './vnFormat.js';
import { scenarioStore } from './testing/scenarioStore.js';
import { allText, caseStreams, dayOf, renderBoth, sheetRows, tableRows } from './testing/reportFiles.js';

let store: EventStore;
let head: bigint;
beforeAll(async () => {
  store = await scenarioStore();
  head = (await store.headPosition()) ?? 0n;
});

/** The month's figures of one commune counted straight from the raw case streams, not by the report's fold. */
async function counted(commune: string, from: string, to: string) {
  const streams = (await caseStreams(store)).filter((s) => s.commune === commune);
  const upTo = (events: RecordedEvent[], type: string) =>
    events.some((e) => e.type === type && dayOf(e) <= to);
  const within = (type: string) =>
    streams.flatMap((s) => s.events).filter((e) => e.type === type && dayOf(e) >= from && dayOf(e) <= to)
      .length;
  const gone = (s: { events: RecordedEvent[] }) =>
    upTo(s.events, 'CaseTransferredOut') || upTo(s.events, 'CaseClosed');
  const managed = streams.filter((s) => upTo(s.events, 'PersonReported') && !gone(s));
  return {
    notices: within('ReleaseNoticeReceived'),
    expected: streams.filter(
      (s) => upTo(s.events, 'ReleaseNoticeReceived') && !upTo(s.events, 'PersonReported') && !gone(s),
    ).length,
    received: within('PersonReported'),
    transferredOut: within('CaseTransferredOut'),
    managed: managed.length,
    supervised: managed.filter((s) => upTo(s.events, 'SupervisorAssigned')).length,
    violations: within('ViolationRecorded'),
    closed: within('CaseClosed'),
  };
}

describe('HCD-12, the monthly statistics, as .docx and .xlsx', () => {
  it('carries the heading, the month, the figures counted from the log and the position stamp', async () => {
    const files = await renderBoth(store, { id: 'hcd-12', unit: 'xa-an-khanh', period: '2025-09', at: head });
    const expected = await counted('xa-an-khanh', '2025-09-01', '2025-09-30');
    const { text, tables } = files.docx;
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('ỦY BAN NHÂN DÂNXÃ AN KHÁNH');
    expect(text).toContain('An Khánh, ngày 03 tháng 11 năm 2025');
    expect(text).toContain('BÁO CÁOThống kê số liệu');
    expect(text).toContain('tái hòa nhập cộng đồng tháng 9 năm 2025');
    expect(text).toContain('mẫu HCD-12');
    expect(text).toContain('từ ngày 01/09/2025 đến ngày 30/09/2025');
    expect(text).toContain(`đến hết vị trí ${head}`);
    expect(text).toContain(`dacxa report hcd-12 --unit xa-an-khanh --period 2025-09 --at ${head}`);
    const docRows = tableRows(tables, 'STT', 'Chỉ tiêu', 'Số lượng');
    const xlsRows = sheetRows(files.sheets, 'Tổng hợp', 'STT');
    const rows: Array<[string, number]> = [
      ['1', expected.notices],
      ['2', expected.expected],
      ['3', expected.received],
      ['5', expected.transferredOut],
      ['6', expected.managed],
      ['7', expected.supervised],
      ['8', expected.violations],
      ['11', expected.closed],
    ];
    for (const [stt, figure] of rows) {
      expect(docRows.get(stt)?.[1], stt).toBe(formatNumber(figure));
      expect(xlsRows.get(stt)?.[1], stt).toBe(figure);
    }
    expect(expected.received).toBeGreaterThan(0);
    expect(files.sheets.get('Tổng hợp')?.flat()).toContain(
      files.docx.text.match(/Số liệu tính từ[^.]*\./)?.[0],
    );
  });

  it('counts the notices of August, the transfer, closure and violation of October in their months', async () => {
    const august = await renderBoth(store, {
      id: 'hcd-12',
      unit: 'xa-an-khanh',
      period: '2025-08',
      at: head,
    });
    const october = await renderBoth(store, {
      id: 'hcd-12',
      unit: 'xa-an-khanh',
      period: '2025-10',
      at: head,
    });
    const aug = await counted('xa-an-khanh', '2025-08-01', '2025-08-31');
    const oct = await counted('xa-an-khanh', '2025-10-01', '2025-10-31');
    expect(sheetRows(august.sheets, 'Tổng hợp', 'STT').get('1')?.[1]).toBe(aug.notices);
    expect(aug.notices).toBe(12);
    const octRows = sheetRows(october.sheets, 'Tổng hợp', 'STT');
    expect([octRows.get('5')?.[1], octRows.get('8')?.[1], octRows.get('11')?.[1]]).toEqual([
      oct.transferredOut,
      oct.violations,
      oct.closed,
    ]);
    expect([oct.transferredOut, oct.violations, oct.closed]).toEqual([1, 1, 1]);
  });

  it('gives a province one row per commune and ward and their total', async () => {
    const files = await renderBoth(store, {
      id: 'hcd-12',
      unit: 'tp-hai-phong',
      period: '2025-10',
      at: head,
    });
    const header = [
      'Đơn vị',
      'Có thông báo',
      'Chưa trình diện',
      'Trình diện',
      'Chuyển đến',
      'Chuyển đi',
      'Kết thúc',
    ];
    const docRows = tableRows(files.docx.tables, ...header);
    expect([...docRows.keys()]).toEqual(['Phường Lê Chân', 'Xã An Khánh', 'Tổng cộng']);
    expect(docRows.get('Phường Lê Chân')?.[3]).toBe('1');
    expect(docRows.get('Xã An Khánh')?.[4]).toBe('1');
    const xlsRows = sheetRows(files.sheets, 'Theo đơn vị - tiếp nhận', 'Đơn vị');
    const [ak, lc] = await Promise.all([
      counted('xa-an-khanh', '2025-10-01', '2025-10-31'),
      counted('phuong-le-chan', '2025-10-01', '2025-10-31'),
    ]);
    expect(xlsRows.get('Tổng cộng')).toEqual([0, ak.expected + lc.expected, 0, 1, 1, 1]);
    expect(allText(files)).not.toContain('Thí Điểm');
  });

  it('holds nothing of another commune or province in a commune’s report, and no name', async () => {
    const files = await renderBoth(store, { id: 'hcd-12', unit: 'xa-an-khanh', period: '2025-10', at: head });
    const text = allText(files);
    for (const other of [
      'Lê Chân',
      'phuong-le-chan',
      'Thí Điểm',
      'xa-thi-diem',
      'Quảng Ninh',
      'Người Giả Định',
    ])
      expect(text).not.toContain(other);
    expect(JSON.stringify(files.data)).not.toContain('phuong-le-chan');
  });

  it('gives the earlier figures at an earlier position', async () => {
    let closing = 0n;
    for await (const e of store.readAll()) if (e.type === 'CaseClosed') closing = e.position;
    const before = await renderBoth(store, {
      id: 'hcd-12',
      unit: 'xa-an-khanh',
      period: '2025-10',
      at: closing - 1n,
    });
    expect(sheetRows(before.sheets, 'Tổng hợp', 'STT').get('11')?.[1]).toBe(0);
    expect(before.docx.text).toContain(`đến hết vị trí ${closing - 1n}`);
  });

  it('adds up over a quarter’s three months to the quarter’s HCD-13 flows', async () => {
    const ask = { unit: 'tp-hai-phong', at: head };
    const months = await Promise.all(
      ['2025-10', '2025-11', '2025-12'].map((m) => computeHcd12(store, { ...ask, period: parsePeriod(m) })),
    );
    const quarter = await computeHcd13(store, { ...ask, period: parsePeriod('2025-Q4') });
    const flows = ['notices', 'received', 'transferredIn', 'transferredOut', 'violations', 'closed'] as const;
    for (const flow of flows)
      expect(
        months.reduce((n, m) => n + m.total[flow], 0),
        flow,
      ).toBe(quarter.total[flow]);
    expect(months[2]?.total.managed).toBe(quarter.total.managed);
  });
});
